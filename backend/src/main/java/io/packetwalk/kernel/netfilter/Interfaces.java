package io.packetwalk.kernel.netfilter;

/** Interface names in rules: exact, or a prefix when the pattern ends in {@code +}. */
public final class Interfaces {

  private Interfaces() {}

  public static boolean matches(String pattern, String name) {
    if (pattern.endsWith("+")) {
      return name.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(name);
  }
}
