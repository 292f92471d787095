package io.packetwalk.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POSIX getopt(3) as GNU libc does it (permuting): short options may be grouped ({@code -zv}), an
 * option's value may be attached ({@code -c3}) or follow, operands may come between options, and
 * {@code --} ends the options.
 */
public final class GetOpt {

  /** One option as read: its letter and its value (null for a flag). */
  public record Option(char letter, String value) {}

  /** Why reading stopped: glibc's messages without the program name. */
  public static final class Problem extends RuntimeException {
    private final char letter;

    Problem(String message, char letter) {
      super(message, null, false, false);
      this.letter = letter;
    }

    public char letter() {
      return letter;
    }
  }

  private final List<Option> options = new ArrayList<>();
  private final List<String> operands = new ArrayList<>();

  /**
   * Reads {@code args} (without the program name) against a getopt spec such as {@code "c:i:qv"},
   * where a letter followed by a colon takes a value.
   */
  public GetOpt(List<String> args, String spec) {
    boolean onlyOperands = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (onlyOperands || !arg.startsWith("-") || arg.length() == 1) {
        operands.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyOperands = true;
        continue;
      }
      for (int j = 1; j < arg.length(); j++) {
        char c = arg.charAt(j);
        int at = spec.indexOf(c);
        if (at < 0 || c == ':') {
          throw new Problem("invalid option -- '" + c + "'", c);
        }
        boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
        if (!takesValue) {
          options.add(new Option(c, null));
          continue;
        }
        String value;
        if (j + 1 < arg.length()) {
          value = arg.substring(j + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new Problem("option requires an argument -- '" + c + "'", c);
        }
        options.add(new Option(c, value));
        break;
      }
    }
  }

  public List<Option> options() {
    return List.copyOf(options);
  }

  public List<String> operands() {
    return List.copyOf(operands);
  }

  public boolean has(char letter) {
    return options.stream().anyMatch(o -> o.letter() == letter);
  }

  /** The value of the last occurrence of an option. */
  public Optional<String> last(char letter) {
    String value = null;
    for (Option o : options) {
      if (o.letter() == letter) {
        value = o.value();
      }
    }
    return Optional.ofNullable(value);
  }
}
