package io.packetwalk.shell.netfilter;

import java.util.List;

/** A cursor over a command line's words. */
final class Args {

  private final String program;
  private final List<String> words;
  private int index;

  Args(String program, List<String> words) {
    this.program = program;
    this.words = words;
  }

  String program() {
    return program;
  }

  boolean hasNext() {
    return index < words.size();
  }

  String peek() {
    return words.get(index);
  }

  String next() {
    return words.get(index++);
  }

  /** The value of {@code option}; a missing one is a usage error. */
  String value(String option) {
    if (!hasNext()) {
      throw IptablesError.usage(program, "option \"" + option + "\" requires an argument");
    }
    return next();
  }

  /** The next word if it is an optional value (not an option), else null. */
  String optionalValue() {
    if (hasNext() && !peek().startsWith("-")) {
      return next();
    }
    return null;
  }
}
