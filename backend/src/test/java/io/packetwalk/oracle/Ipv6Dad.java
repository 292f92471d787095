package io.packetwalk.oracle;

import java.util.regex.Pattern;

/**
 * IPv6 duplicate address detection: a link-local address is {@code tentative} for one to two
 * seconds after its device gets carrier. The word (and its JSON flag) is dropped; the address
 * itself is kept.
 */
final class Ipv6Dad implements Normalisation {

  private static final Pattern WORD = Pattern.compile("(\\binet6 \\S+ [^\\n]*?)tentative ");
  private static final Pattern JSON = Pattern.compile(",\"tentative\":true");

  @Override
  public String apply(CommandLine command, String text) {
    return JSON.matcher(WORD.matcher(text).replaceAll("$1")).replaceAll("");
  }
}
