package io.packetwalk.shell.ip;

import io.packetwalk.shell.ToolFailure;
import java.util.List;

/**
 * A cursor over the words of an iproute2 command line, with iproute2's helpers: {@code matches()}
 * (a word selects a keyword when it is a non-empty prefix of it), {@code NEXT_ARG()} and the common
 * error exits ({@code invarg}, {@code duparg}, …) with their exact texts.
 */
final class IprouteArgs {

  private final List<String> words;
  private int pos;

  IprouteArgs(List<String> words) {
    this.words = List.copyOf(words);
  }

  boolean hasNext() {
    return pos < words.size();
  }

  /** The current word (the one being looked at). */
  String peek() {
    return words.get(pos);
  }

  /** Moves past the current word and returns it. */
  String take() {
    return words.get(pos++);
  }

  /** Moves to the next word. */
  void skip() {
    pos++;
  }

  /** NEXT_ARG(): moves to the value of the current keyword, or fails when there is none. */
  String nextValue() {
    if (pos + 1 >= words.size()) {
      throw incompleteCommand();
    }
    pos++;
    return words.get(pos);
  }

  /** The words from the current one on. */
  List<String> rest() {
    return words.subList(pos, words.size());
  }

  /** iproute2's matches(): {@code word} is a non-empty prefix of {@code keyword}. */
  static boolean matches(String word, String keyword) {
    return !word.isEmpty() && keyword.startsWith(word);
  }

  // ---- iproute2's error exits ----

  /** incomplete_command(): exit(-1). */
  static ToolFailure incompleteCommand() {
    return new ToolFailure(255, "Command line is not complete. Try option \"help\"");
  }

  /**
   * invarg(msg, arg): exit(-1). iproute2 passes many messages with their own trailing newline,
   * which shows as an empty line; pass those with {@code "\n"} at the end too.
   */
  static ToolFailure invarg(String message, String arg) {
    return new ToolFailure(255, "Error: argument \"" + arg + "\" is wrong: " + message);
  }

  /** duparg(key, arg): exit(-1). */
  static ToolFailure duparg(String key, String arg) {
    return new ToolFailure(
        255, "Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.");
  }

  /** duparg2(key, arg): exit(-1). */
  static ToolFailure duparg2(String key, String arg) {
    return new ToolFailure(
        255, "Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.");
  }

  /** nodev(dev): return -1, shown as exit status 1. */
  static ToolFailure nodev(String dev) {
    return new ToolFailure(1, "Cannot find device \"" + dev + "\"");
  }

  /** on_off(msg, value): return -1. */
  static ToolFailure onOff(String key, String value) {
    return new ToolFailure(
        1, "Error: argument of \"" + key + "\" must be \"on\" or \"off\", not \"" + value + "\"");
  }

  /** A failed netlink request (return -2): "RTNETLINK answers: …" or the kernel's extack. */
  static ToolFailure rtnetlink(io.packetwalk.kernel.KernelException e) {
    if (e.extack() != null) {
      return new ToolFailure(2, "Error: " + e.extack() + ".");
    }
    return new ToolFailure(2, "RTNETLINK answers: " + e.errno().message());
  }
}
