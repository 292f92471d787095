package io.packetwalk.shell.netfilter;

import io.packetwalk.shell.ToolFailure;

/** iptables' error messages and exit codes (iptables-nft 1.8.9), by kind. */
final class IptablesError {

  static final String VERSION = "v1.8.9 (nf_tables)";

  private IptablesError() {}

  /** A bad command line: exit 2 with the "Try `iptables -h'" hint. */
  static ToolFailure usage(String program, String message) {
    return new ToolFailure(
        2,
        program
            + " "
            + VERSION
            + ": "
            + message
            + "\nTry `"
            + program
            + " -h' or '"
            + program
            + " --help' for more information.");
  }

  /** A word that is not an option where an option belongs: exit 2, no version prefix. */
  static ToolFailure badArgument(String program, String word) {
    return new ToolFailure(
        2,
        "Bad argument `"
            + word
            + "'\nTry `"
            + program
            + " -h' or '"
            + program
            + " --help' for more information.");
  }

  /** A refusal of the kernel's rule table: exit 1, {@code iptables: MESSAGE.} */
  static ToolFailure refused(String program, String message) {
    return new ToolFailure(1, program + ": " + message);
  }

  /** A netlink request the kernel rejected: exit 4. */
  static ToolFailure kernel(String program, String operation, String errno, String what) {
    return new ToolFailure(
        4, program + " " + VERSION + ":  " + operation + " failed (" + errno + "): " + what);
  }
}
