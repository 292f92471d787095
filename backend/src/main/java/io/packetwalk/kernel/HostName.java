package io.packetwalk.kernel;

import java.util.regex.Pattern;

/**
 * The rule for the names of hosts and underlay switches: they also name network namespaces when a
 * lab is exported as one script, so they stay plain (letters, digits, dot, underscore, dash).
 */
public final class HostName {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The rule in words, for error messages. */
  public static final String RULE =
      "letters, digits, \".\", \"_\", \"-\", starting with a letter or digit; 63 at most";

  private HostName() {}

  public static boolean valid(String name) {
    return name != null && ALLOWED.matcher(name).matches();
  }
}
