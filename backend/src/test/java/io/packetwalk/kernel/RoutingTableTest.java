package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

  private final NetNamespace root = World.withOneHost().defaultHost().root();
  private final List<NetDevice> devices =
      List.of(root.addDummy("d0"), root.addDummy("d1"), root.addDummy("d2"));
  private final RoutingTable table = new RoutingTable(Route.TABLE_MAIN);

  private static Route route(String destination, int metric, NetDevice dev) {
    return route(RouteType.UNICAST, Ipv4Prefix.parse(destination), metric, dev);
  }

  private static Route route(RouteType type, Ipv4Prefix destination, int metric, NetDevice dev) {
    return new Route(
        Route.TABLE_MAIN,
        type,
        destination,
        null,
        dev,
        RouteProtocol.BOOT,
        AddressScope.LINK,
        null,
        metric,
        false);
  }

  private static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private Optional<Route> lookup(String dst) {
    return table.bestMatch(ip(dst), r -> true);
  }

  @Test
  void listsByAddressThenLongerPrefixFirstThenMetric() {
    NetDevice d0 = devices.get(0);
    table.insert(route("10.0.0.0/8", 0, d0));
    table.insert(route("10.0.0.0/24", 20, d0));
    table.insert(route("0.0.0.0/0", 0, d0));
    table.insert(route("10.0.0.0/24", 10, d0));
    table.insert(route("192.168.0.0/16", 0, d0));
    table.insert(route("10.0.1.0/24", 0, d0));

    assertThat(table.routes())
        .extracting(r -> r.destination() + " " + r.metric())
        .containsExactly(
            "0.0.0.0/0 0",
            "10.0.0.0/24 10",
            "10.0.0.0/24 20",
            "10.0.0.0/8 0",
            "10.0.1.0/24 0",
            "192.168.0.0/16 0");
  }

  @Test
  void prependGoesBeforeRoutesWithTheSameKeyAndInsertAfterThem() {
    Route first = route("10.0.0.0/24", 5, devices.get(0));
    Route prepended = route("10.0.0.0/24", 5, devices.get(1));
    Route appended = route("10.0.0.0/24", 5, devices.get(2));
    table.insert(first);
    table.prepend(prepended);
    table.insert(appended);

    assertThat(table.routes()).containsExactly(prepended, first, appended);
    assertThat(table.routesTo(Ipv4Prefix.parse("10.0.0.0/24")))
        .containsExactly(prepended, first, appended);
  }

  @Test
  void longestPrefixWinsOverAShorterOneAddedLater() {
    Route specific = route("10.1.2.0/24", 100, devices.get(0));
    Route wide = route("10.0.0.0/8", 0, devices.get(1));
    table.insert(specific);
    table.insert(wide);

    assertThat(lookup("10.1.2.3")).contains(specific);
    assertThat(lookup("10.1.3.3")).contains(wide);
    assertThat(lookup("11.0.0.1")).isEmpty();
  }

  @Test
  void samePrefixPicksTheLowestMetricThenTheFirstInDumpOrder() {
    Route high = route("10.0.0.0/24", 20, devices.get(0));
    Route lowSecond = route("10.0.0.0/24", 10, devices.get(1));
    Route lowFirst = route("10.0.0.0/24", 10, devices.get(2));
    table.insert(high);
    table.insert(lowSecond);
    table.prepend(lowFirst);

    assertThat(lookup("10.0.0.9")).contains(lowFirst);
  }

  @Test
  void unusableRoutesGiveWayToTheNextOfTheSamePrefixThenToShorterPrefixes() {
    Route viaD0 = route("10.0.0.0/24", 0, devices.get(0));
    Route viaD1 = route("10.0.0.0/24", 5, devices.get(1));
    Route fallback = route("0.0.0.0/0", 0, devices.get(2));
    table.insert(viaD0);
    table.insert(viaD1);
    table.insert(fallback);

    assertThat(table.bestMatch(ip("10.0.0.1"), r -> r.device() != devices.get(0))).contains(viaD1);
    assertThat(table.bestMatch(ip("10.0.0.1"), r -> r.device() == devices.get(2)))
        .contains(fallback);
  }

  @Test
  void deletingARouteRestoresTheNextMatch() {
    Route specific = route("10.0.0.0/24", 0, devices.get(0));
    Route wide = route("10.0.0.0/16", 0, devices.get(1));
    table.insert(specific);
    table.insert(wide);

    assertThat(table.removeFirst(r -> r.destination().length() == 24)).contains(specific);

    assertThat(lookup("10.0.0.1")).contains(wide);
    assertThat(table.routesTo(Ipv4Prefix.parse("10.0.0.0/24"))).isEmpty();
    assertThat(table.removeIf(r -> true)).isEqualTo(1);
    assertThat(lookup("10.0.0.1")).isEmpty();
    assertThat(table.routes()).isEmpty();
  }

  @Test
  void replaceKeepsThePlaceOfTheReplacedRoute() {
    Route first = route("10.0.0.0/24", 0, devices.get(0));
    Route second = route("10.0.0.0/24", 0, devices.get(1));
    Route replacement = route("10.0.0.0/24", 0, devices.get(2));
    table.insert(first);
    table.insert(second);

    table.replace(first, replacement);

    assertThat(table.routes()).containsExactly(replacement, second);
  }

  @Test
  void randomChangesKeepTheOrderAndLookupsOfASortedListScan() {
    SplittableRandom random = new SplittableRandom(7);
    ListTable reference = new ListTable();
    for (int step = 0; step < 2_000; step++) {
      Route route = randomRoute(random);
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          table.insert(route);
          reference.insert(route);
        }
        case 2, 3 -> {
          table.prepend(route);
          reference.prepend(route);
        }
        case 4 -> {
          Predicate<Route> matcher = r -> r.destination().equals(route.destination());
          assertThat(table.removeFirst(matcher)).isEqualTo(reference.removeFirst(matcher));
        }
        default -> {
          Predicate<Route> condition = r -> r.equals(route);
          assertThat(table.removeIf(condition)).isEqualTo(reference.removeIf(condition));
        }
      }
      assertThat(table.routes()).isEqualTo(reference.routes);
      Ipv4Address dst = randomAddress(random);
      NetDevice oif = devices.get(random.nextInt(devices.size()));
      Predicate<Route> usable = r -> r.device() == null || r.device() == oif;
      assertThat(table.bestMatch(dst, usable)).isEqualTo(reference.bestMatch(dst, usable));
    }
  }

  @Test
  void tenThousandRouteLookupsAgreeWithABruteForceScan() {
    SplittableRandom random = new SplittableRandom(10_000);
    for (int i = 0; i < 10_000; i++) {
      table.insert(randomRoute(random));
    }
    ListTable reference = new ListTable();
    reference.routes.addAll(table.routes());
    for (int i = 0; i < 2_000; i++) {
      Ipv4Address dst = randomAddress(random);
      assertThat(table.bestMatch(dst, r -> true)).isEqualTo(reference.bestMatch(dst, r -> true));
    }
  }

  /** Destinations in 10.0.0.0/14 of all lengths, so that prefixes nest and collide. */
  private Route randomRoute(SplittableRandom random) {
    int length = random.nextInt(33);
    Ipv4Prefix destination =
        new Ipv4Prefix(randomAddress(random), length == 0 ? 0 : 8 + length % 25).network();
    int[] metrics = {0, 0, 1, 10, -1};
    RouteType type = RouteType.values()[random.nextInt(RouteType.values().length)];
    NetDevice dev = random.nextInt(4) == 0 ? null : devices.get(random.nextInt(devices.size()));
    return route(type, destination, metrics[random.nextInt(metrics.length)], dev);
  }

  private static Ipv4Address randomAddress(SplittableRandom random) {
    return new Ipv4Address(Ipv4Address.of(10, 0, 0, 0).bits() | random.nextInt(1 << 18));
  }

  /** The table as it used to be: one sorted list, searched from end to end. */
  private static final class ListTable {

    private static final Comparator<Route> DUMP_ORDER =
        Comparator.comparing((Route r) -> r.destination().address())
            .thenComparing(r -> -r.destination().length())
            .thenComparingInt(Route::metric);

    private final List<Route> routes = new ArrayList<>();

    void insert(Route route) {
      int at = 0;
      while (at < routes.size() && DUMP_ORDER.compare(route, routes.get(at)) >= 0) {
        at++;
      }
      routes.add(at, route);
    }

    void prepend(Route route) {
      int at = 0;
      while (at < routes.size() && DUMP_ORDER.compare(route, routes.get(at)) > 0) {
        at++;
      }
      routes.add(at, route);
    }

    Optional<Route> removeFirst(Predicate<Route> matcher) {
      Optional<Route> found = routes.stream().filter(matcher).findFirst();
      found.ifPresent(routes::remove);
      return found;
    }

    int removeIf(Predicate<Route> condition) {
      int before = routes.size();
      routes.removeIf(condition);
      return before - routes.size();
    }

    Optional<Route> bestMatch(Ipv4Address dst, Predicate<Route> usable) {
      Route best = null;
      for (Route route : routes) {
        if (!route.destination().contains(dst) || !usable.test(route)) {
          continue;
        }
        if (best == null
            || route.destination().length() > best.destination().length()
            || (route.destination().length() == best.destination().length()
                && route.metric() < best.metric())) {
          best = route;
        }
      }
      return Optional.ofNullable(best);
    }
  }
}
