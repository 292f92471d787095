package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One routing table, kept in the order the kernel's trie dumps it: destination address ascending,
 * longer prefixes first for the same address, then metric ascending, then insertion order. The
 * routes are grouped by destination, and the groups are also indexed by prefix so that a lookup
 * probes one group per prefix length in use, whatever the size of the table.
 */
public final class RoutingTable {

  private static final int LENGTHS = 33;

  /** Dump order of destinations: address ascending, then the longer prefix first. */
  private static final Comparator<Ipv4Prefix> DUMP_ORDER =
      (a, b) -> {
        int byAddress = a.address().compareTo(b.address());
        return byAddress != 0 ? byAddress : Integer.compare(b.length(), a.length());
      };

  private final int id;
  private final NavigableMap<Ipv4Prefix, PrefixRoutes> inDumpOrder = new TreeMap<>(DUMP_ORDER);
  private final Map<Ipv4Prefix, PrefixRoutes> byDestination = new HashMap<>();
  private final int[] destinationsOfLength = new int[LENGTHS];

  public RoutingTable(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** A copy of the routes in dump order (what {@code ip route show} lists). */
  public List<Route> routes() {
    return inDumpOrder.values().stream().flatMap(group -> group.routes().stream()).toList();
  }

  /** The routes to exactly {@code destination}, metric ascending then insertion order. */
  List<Route> routesTo(Ipv4Prefix destination) {
    PrefixRoutes group = byDestination.get(destination);
    return group == null ? List.of() : group.routes();
  }

  /**
   * The route the kernel picks in this table among the {@code usable} ones: the longest prefix
   * containing {@code dst}, then the lowest metric, then the first inserted.
   */
  Optional<Route> bestMatch(Ipv4Address dst, Predicate<Route> usable) {
    for (int length = LENGTHS - 1; length >= 0; length--) {
      if (destinationsOfLength[length] == 0) {
        continue;
      }
      Ipv4Prefix network =
          new Ipv4Prefix(new Ipv4Address(dst.bits() & Ipv4Prefix.mask(length)), length);
      PrefixRoutes group = byDestination.get(network);
      Route best = group == null ? null : group.first(usable);
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  /** Inserts after every route that sorts before or equal to it (stable, like an append). */
  void insert(Route route) {
    groupFor(route.destination()).append(route);
  }

  /** Inserts before routes with the same key (what the kernel does without NLM_F_APPEND). */
  void prepend(Route route) {
    groupFor(route.destination()).prepend(route);
  }

  /** Removes the first route in dump order that the matcher accepts, and returns it. */
  Optional<Route> removeFirst(Predicate<Route> matcher) {
    for (PrefixRoutes group : inDumpOrder.values()) {
      Route removed = group.removeFirst(matcher);
      if (removed != null) {
        if (group.isEmpty()) {
          forget(removed.destination());
        }
        return Optional.of(removed);
      }
    }
    return Optional.empty();
  }

  /** Puts {@code replacement}, which has the same key, where {@code old} was. */
  void replace(Route old, Route replacement) {
    byDestination.get(old.destination()).replace(old, replacement);
  }

  int removeIf(Predicate<Route> condition) {
    int removed = 0;
    List<Ipv4Prefix> emptied = new ArrayList<>();
    for (Map.Entry<Ipv4Prefix, PrefixRoutes> entry : inDumpOrder.entrySet()) {
      removed += entry.getValue().removeIf(condition);
      if (entry.getValue().isEmpty()) {
        emptied.add(entry.getKey());
      }
    }
    emptied.forEach(this::forget);
    return removed;
  }

  private PrefixRoutes groupFor(Ipv4Prefix destination) {
    PrefixRoutes group = byDestination.get(destination);
    if (group == null) {
      group = new PrefixRoutes();
      byDestination.put(destination, group);
      inDumpOrder.put(destination, group);
      destinationsOfLength[destination.length()]++;
    }
    return group;
  }

  /** Drops a destination whose last route went, so that lookups stop probing its length. */
  private void forget(Ipv4Prefix destination) {
    inDumpOrder.remove(destination);
    byDestination.remove(destination);
    destinationsOfLength[destination.length()]--;
  }
}
