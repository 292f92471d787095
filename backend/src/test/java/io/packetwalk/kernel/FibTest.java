package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FibTest {

  private static final Ipv4Address GATEWAY = Ipv4Address.parse("192.168.0.1");

  private final NetNamespace root = World.withOneHost().defaultHost().root();
  private final Fib fib = root.fib();
  private NetDevice v0;

  @BeforeEach
  void vethWithAnAddress() {
    root.addVeth("v0", "v1", null);
    v0 = root.requireDevice("v0");
    root.setUp(v0, true);
    root.setUp(root.requireDevice("v1"), true);
    root.addAddress(
        v0,
        new InterfaceAddress(
            Ipv4Prefix.parse("192.168.0.2/24"), null, AddressScope.GLOBAL, null, false, 0));
  }

  private static Route route(int table, RouteType type, String destination, int metric) {
    boolean unicast = type == RouteType.UNICAST;
    return new Route(
        table,
        type,
        Ipv4Prefix.parse(destination),
        unicast ? GATEWAY : null,
        null,
        RouteProtocol.BOOT,
        AddressScope.GLOBAL,
        null,
        metric,
        false);
  }

  private static Route via(String destination, int metric) {
    return route(Route.TABLE_MAIN, RouteType.UNICAST, destination, metric);
  }

  private Optional<Route> lookup(String dst) {
    return fib.lookup(Ipv4Address.parse(dst));
  }

  @Test
  void localTableIsConsultedBeforeMainWhateverThePrefixLength() {
    fib.add(via("192.168.0.2/32", 0));

    Route found = lookup("192.168.0.2").orElseThrow();

    assertThat(found.type()).isEqualTo(RouteType.LOCAL);
    assertThat(found.table()).isEqualTo(Route.TABLE_LOCAL);
    assertThat(fib.isLocal(Ipv4Address.parse("192.168.0.2"))).isTrue();
    assertThat(fib.isLocal(Ipv4Address.parse("192.168.0.3"))).isFalse();
  }

  @Test
  void throwRouteSendsTheLookupOnToTheDefaultTable() {
    fib.add(route(Route.TABLE_MAIN, RouteType.THROW, "10.0.0.0/8", 0));
    Route inDefault = route(Route.TABLE_DEFAULT, RouteType.UNICAST, "0.0.0.0/0", 0);
    fib.add(inDefault);

    assertThat(lookup("10.1.1.1").orElseThrow().table()).isEqualTo(Route.TABLE_DEFAULT);
    fib.delete(Route.TABLE_DEFAULT, r -> true);
    assertThat(lookup("10.1.1.1")).isEmpty();
  }

  @Test
  void rejectRouteWithALongerPrefixBeatsAUnicastRoute() {
    fib.add(via("10.0.0.0/8", 0));
    Route blackhole = route(Route.TABLE_MAIN, RouteType.BLACKHOLE, "10.1.0.0/16", 0);
    fib.add(blackhole);

    assertThat(lookup("10.1.2.3")).contains(blackhole);
    assertThat(lookup("10.2.2.3").orElseThrow().gateway()).isEqualTo(GATEWAY);
  }

  @Test
  void addingTheSameKeyTwiceFailsButAnotherMetricIsANewRoute() {
    fib.add(via("10.0.0.0/24", 5));
    fib.add(via("10.0.0.0/24", 6));

    assertThatThrownBy(() -> fib.add(via("10.0.0.0/24", 5)))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    assertThat(fib.main().routesTo(Ipv4Prefix.parse("10.0.0.0/24")))
        .extracting(Route::metric)
        .containsExactly(5, 6);
  }

  @Test
  void replaceChangesTheFirstRouteWithTheSameKeyInPlace() {
    fib.add(via("10.0.0.0/24", 5));
    fib.append(route(Route.TABLE_MAIN, RouteType.BLACKHOLE, "10.0.0.0/24", 5));
    Route prohibit = route(Route.TABLE_MAIN, RouteType.PROHIBIT, "10.0.0.0/24", 5);

    fib.replace(prohibit);

    assertThat(fib.main().routes())
        .filteredOn(r -> r.metric() == 5)
        .extracting(Route::type)
        .containsExactly(RouteType.PROHIBIT, RouteType.BLACKHOLE);
    assertThat(lookup("10.0.0.1")).contains(prohibit);
  }

  @Test
  void gatewayBehindAGatewayRouteIsRefusedHoweverLongThePrefix() {
    fib.add(via("10.9.9.0/24", 0));

    assertThatThrownBy(() ->
            fib.add(
                new Route(
                    Route.TABLE_MAIN,
                    RouteType.UNICAST,
                    Ipv4Prefix.parse("10.20.0.0/16"),
                    Ipv4Address.parse("10.9.9.9"),
                    null,
                    RouteProtocol.BOOT,
                    AddressScope.GLOBAL,
                    null,
                    0,
                    false)))
        .isInstanceOfSatisfying(
            KernelException.class,
            e -> assertThat(e.extack()).isEqualTo("Nexthop has invalid gateway"));
  }

  @Test
  void deviceDownTakesItsRoutesOutOfLookups() {
    fib.add(via("10.0.0.0/24", 0));
    root.setUp(v0, false);

    assertThat(lookup("10.0.0.1")).isEmpty();
    assertThat(fib.main().routes()).isEmpty();
    assertThat(fib.isLocal(Ipv4Address.parse("192.168.0.2"))).isTrue();
  }

  @Test
  void tenThousandRouteTableAnswersLikeABruteForceScan() {
    fib.add(via("0.0.0.0/0", 0));
    for (int i = 0; i < 10_000; i++) {
      fib.add(via("10." + i / 256 + "." + i % 256 + ".0/24", 0));
    }
    fib.add(via("10.50.0.0/16", 0));
    fib.add(route(Route.TABLE_MAIN, RouteType.UNREACHABLE, "10.4.4.0/24", 7));

    assertThat(fib.main().routes()).hasSize(10_004);
    List<List<Route>> localThenMain = List.of(fib.local().routes(), fib.main().routes());
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2_000; i++) {
      Ipv4Address dst =
          new Ipv4Address(Ipv4Address.of(10, 0, 0, 0).bits() | random.nextInt(1 << 22));
      assertThat(fib.lookup(dst)).isEqualTo(bruteForce(localThenMain, dst));
    }
  }

  /** The longest prefix, then the lowest metric, then the first listed; local before main. */
  private static Optional<Route> bruteForce(List<List<Route>> tables, Ipv4Address dst) {
    for (List<Route> table : tables) {
      Route best = null;
      for (Route route : table) {
        if (route.destination().contains(dst)
            && (best == null
                || route.destination().length() > best.destination().length()
                || (route.destination().length() == best.destination().length()
                    && route.metric() < best.metric()))) {
          best = route;
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }
}
