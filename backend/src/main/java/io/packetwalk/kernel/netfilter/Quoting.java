package io.packetwalk.kernel.netfilter;

/** Strings in iptables-save output (comments, log prefixes), quoted as xtables_save_string does. */
public final class Quoting {

  private Quoting() {}

  /** Bare when only letters, digits, {@code _} and {@code -}; else in double quotes, escaped. */
  public static String saveQuoted(String value) {
    if (isPlain(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\' || c == '\'') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static boolean isPlain(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!plain(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean plain(int c) {
    return c == '_'
        || c == '-'
        || (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z');
  }
}
