package io.packetwalk.oracle;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code bridge fdb show} lists each device's own multicast memberships as {@code self permanent}
 * entries (33:33:… for IPv6, 01:00:5e:… for IPv4). They come from IPv6 link-local and multicast
 * router discovery, not from switching, and are dropped from the comparison.
 */
final class MulticastFdbEntries implements Normalisation {

  private static final Pattern MULTICAST_SELF =
      Pattern.compile("^[0-9a-f][13579bdf](:[0-9a-f]{2}){5} .*\\bself permanent\\s*$");

  @Override
  public String apply(CommandLine command, String text) {
    if (!command.listsFdb() || text.isEmpty()) {
      return text;
    }
    String kept =
        text.lines()
            .filter(line -> !MULTICAST_SELF.matcher(line).matches())
            .collect(Collectors.joining("\n"));
    return kept.isEmpty() ? "" : kept + (text.endsWith("\n") ? "\n" : "");
  }
}
