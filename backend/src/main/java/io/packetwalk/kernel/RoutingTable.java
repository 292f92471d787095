package io.packetwalk.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One routing table, kept in the order the kernel's trie dumps it: destination address ascending,
 * longer prefixes first for the same address, then metric ascending, then insertion order.
 */
public final class RoutingTable {

  private static final Comparator<Route> DUMP_ORDER =
      Comparator.comparing((Route r) -> r.destination().address())
          .thenComparing(r -> -r.destination().length())
          .thenComparingInt(Route::metric);

  private final int id;
  private final List<Route> routes = new ArrayList<>();

  public RoutingTable(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }

  /** Inserts after every route that sorts before or equal to it (stable, like an append). */
  void insert(Route route) {
    int at = routes.size();
    for (int i = 0; i < routes.size(); i++) {
      if (DUMP_ORDER.compare(route, routes.get(i)) < 0) {
        at = i;
        break;
      }
    }
    routes.add(at, route);
  }

  /** Inserts before routes with the same key (what the kernel does without NLM_F_APPEND). */
  void prepend(Route route) {
    int at = routes.size();
    for (int i = 0; i < routes.size(); i++) {
      if (DUMP_ORDER.compare(route, routes.get(i)) <= 0) {
        at = i;
        break;
      }
    }
    routes.add(at, route);
  }

  boolean remove(Route route) {
    return routes.remove(route);
  }

  void replace(Route old, Route replacement) {
    routes.set(routes.indexOf(old), replacement);
  }

  int removeIf(Predicate<Route> condition) {
    int before = routes.size();
    routes.removeIf(condition);
    return before - routes.size();
  }
}
