package io.packetwalk.lab;

import io.packetwalk.net.Ipv4Address;

/**
 * A saved probe: from a namespace, either a ping to an address (the player's Ping) or one command
 * line run there ({@code nc -z -v -w 1 10.0.0.2 80}, {@code ping -c 3 …}), so that a lab opens with
 * its probes ready to replay.
 *
 * @param ping the address to ping, or null for a command probe
 * @param run the command line, or null for a ping probe
 */
public record LabProbe(String host, String netns, Ipv4Address ping, String run) {

  /** The longest command line a probe keeps, in characters. */
  public static final int MAX_LINE_LENGTH = 500;

  /** How many probes one lab keeps. */
  public static final int MAX_PROBES = 50;

  public LabProbe {
    Names.checkHost("host", host);
    Names.checkNetns("netns", netns);
    if ((ping == null) == (run == null)) {
      throw new LabValueException(
          "ping", "a probe is a ping (\"ping\") or a command (\"run\"), one of the two");
    }
    if (run != null) {
      if (run.isBlank()) {
        throw new LabValueException("run", "a command probe needs a command line");
      }
      if (run.length() > MAX_LINE_LENGTH) {
        throw new LabValueException(
            "run", "is " + run.length() + " characters long; the limit is " + MAX_LINE_LENGTH);
      }
      if (run.indexOf('\n') >= 0 || run.indexOf('\r') >= 0) {
        throw new LabValueException("run", "a probe is one command line, without line breaks");
      }
    }
  }

  /**
   * The probe that a message's texts describe: {@code ping}, when set, must be an IPv4 address in
   * dotted form.
   */
  public static LabProbe checked(String host, String netns, String ping, String run) {
    Ipv4Address to = null;
    if (ping != null) {
      to =
          Ipv4Address.tryParse(ping)
              .orElseThrow(() ->
                  new LabValueException(
                      "ping", "must be an IPv4 address like 10.0.0.2, not \"" + ping + "\""));
    }
    return new LabProbe(host, netns, to, run);
  }
}
