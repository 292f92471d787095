package io.packetwalk.shell.netfilter;

import java.util.Map;
import java.util.Optional;

/** ICMP type names as {@code --icmp-type} accepts them: a name, a number, or {@code type/code}. */
final class IcmpTypes {

  private static final Map<String, int[]> NAMES =
      Map.ofEntries(
          Map.entry("any", new int[] {255, -1}),
          Map.entry("echo-reply", new int[] {0, -1}),
          Map.entry("pong", new int[] {0, -1}),
          Map.entry("destination-unreachable", new int[] {3, -1}),
          Map.entry("network-unreachable", new int[] {3, 0}),
          Map.entry("host-unreachable", new int[] {3, 1}),
          Map.entry("protocol-unreachable", new int[] {3, 2}),
          Map.entry("port-unreachable", new int[] {3, 3}),
          Map.entry("fragmentation-needed", new int[] {3, 4}),
          Map.entry("communication-prohibited", new int[] {3, 13}),
          Map.entry("echo-request", new int[] {8, -1}),
          Map.entry("ping", new int[] {8, -1}),
          Map.entry("time-exceeded", new int[] {11, -1}),
          Map.entry("ttl-exceeded", new int[] {11, 0}),
          Map.entry("parameter-problem", new int[] {12, -1}));

  private IcmpTypes() {}

  /** [type, code] with code -1 for any; empty when the text is neither a name nor numbers. */
  static Optional<int[]> parse(String text) {
    int[] named = NAMES.get(text);
    if (named != null) {
      return Optional.of(named);
    }
    int slash = text.indexOf('/');
    try {
      int type = Integer.parseInt(slash < 0 ? text : text.substring(0, slash));
      int code = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
      if (type < 0 || type > 255 || code > 255) {
        return Optional.empty();
      }
      return Optional.of(new int[] {type, code});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
