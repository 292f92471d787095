package io.packetwalk.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The routes of one table to one destination prefix, in the order the kernel keeps them (the
 * fib_alias list of a trie leaf): metric ascending, then insertion order.
 */
final class PrefixRoutes {

  private final List<Route> routes = new ArrayList<>(1);

  List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }

  boolean isEmpty() {
    return routes.isEmpty();
  }

  /** Adds after the routes with the same metric (NLM_F_APPEND). */
  void append(Route route) {
    routes.add(insertionPoint(route.metric(), true), route);
  }

  /** Adds before the routes with the same metric (what the kernel does without NLM_F_APPEND). */
  void prepend(Route route) {
    routes.add(insertionPoint(route.metric(), false), route);
  }

  /** The first route the condition accepts, so the lowest metric among the usable ones, or null. */
  Route first(Predicate<Route> condition) {
    for (Route route : routes) {
      if (condition.test(route)) {
        return route;
      }
    }
    return null;
  }

  /** Removes the first route the condition accepts and returns it, or null. */
  Route removeFirst(Predicate<Route> condition) {
    for (int i = 0; i < routes.size(); i++) {
      if (condition.test(routes.get(i))) {
        return routes.remove(i);
      }
    }
    return null;
  }

  /** Puts {@code replacement}, which has the same metric, where {@code old} was. */
  void replace(Route old, Route replacement) {
    routes.set(routes.indexOf(old), replacement);
  }

  int removeIf(Predicate<Route> condition) {
    int before = routes.size();
    routes.removeIf(condition);
    return before - routes.size();
  }

  /**
   * Where a route with {@code metric} goes: after or before the routes with the same metric, found
   * by binary search. Metrics compare as signed ints, as they always have here.
   */
  private int insertionPoint(int metric, boolean afterSameMetric) {
    int low = 0;
    int high = routes.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      int other = routes.get(mid).metric();
      if (other < metric || (afterSameMetric && other == metric)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
