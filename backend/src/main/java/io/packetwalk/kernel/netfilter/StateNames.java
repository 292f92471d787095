package io.packetwalk.kernel.netfilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conntrack state names for {@code --ctstate} and {@code --state}, in the order iptables prints.
 */
public final class StateNames {

  private static final List<String> ORDER =
      List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT");

  private StateNames() {}

  /** Parses a comma list; empty when a name is unknown ({@code SNAT}/{@code DNAT} only if ct). */
  public static Optional<Set<String>> parse(String text, boolean conntrackMatch) {
    Set<String> states = new TreeSet<>();
    for (String name : text.split(",", -1)) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (!ORDER.contains(upper) || (!conntrackMatch && upper.endsWith("NAT"))) {
        return Optional.empty();
      }
      states.add(upper);
    }
    return Optional.of(states);
  }

  public static String join(Set<String> states) {
    List<String> ordered = new ArrayList<>();
    for (String name : ORDER) {
      if (states.contains(name)) {
        ordered.add(name);
      }
    }
    return String.join(",", ordered);
  }
}
