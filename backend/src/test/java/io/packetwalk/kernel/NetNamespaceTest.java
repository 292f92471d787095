package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetNamespaceTest {

  private final World world = World.withOneHost();
  private final Host host = world.defaultHost();
  private final NetNamespace root = host.root();

  private static InterfaceAddress address(String cidr) {
    return new InterfaceAddress(Ipv4Prefix.parse(cidr), null, AddressScope.GLOBAL, null, false, 0);
  }

  private static List<String> routes(RoutingTable table) {
    return table.routes().stream()
        .map(r -> r.type().word() + " " + r.destination() + " " + r.device().name())
        .toList();
  }

  @Test
  void freshNamespaceHasOnlyADownLoopbackAtIndexOne() {
    assertThat(root.devices()).hasSize(1);
    assertThat(root.loopback().name()).isEqualTo("lo");
    assertThat(root.loopback().ifindex()).isEqualTo(1);
    assertThat(root.loopback().isAdminUp()).isFalse();
  }

  @Test
  void vethPeerIsRegisteredFirstAndGetsTheLowerIndex() {
    VethPair pair = root.addVeth("veth-1", "veth-2", null);
    assertThat(root.requireDevice("veth-2").ifindex()).isEqualTo(2);
    assertThat(root.requireDevice("veth-1").ifindex()).isEqualTo(3);
    assertThat(pair.peerOf(root.requireDevice("veth-1")).name()).isEqualTo("veth-2");
  }

  @Test
  void secondVethWithATakenNameFailsWithFileExistsAndChangesNothing() {
    root.addVeth("veth-1", "veth-2", null);
    assertThatThrownBy(() -> root.addVeth("veth-3", "veth-1", null))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    assertThat(root.devices())
        .extracting(NetDevice::name)
        .containsExactly("lo", "veth-2", "veth-1");
  }

  @Test
  void vethHasCarrierOnlyWhenBothEndsAreUp() {
    root.addVeth("a0", "b0", null);
    NetDevice a = root.requireDevice("a0");
    NetDevice b = root.requireDevice("b0");
    root.setUp(a, true);
    assertThat(a.operState()).isEqualTo(OperState.LOWERLAYERDOWN);
    root.setUp(b, true);
    assertThat(a.operState()).isEqualTo(OperState.UP);
    assertThat(b.hasCarrier()).isTrue();
  }

  @Test
  void addressOnADownDeviceAddsOnlyTheLocalRoute() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.addAddress(v1, address("10.0.0.1/24"));
    assertThat(routes(root.fib().local())).containsExactly("local 10.0.0.1/32 v1");
    assertThat(root.fib().main().routes()).isEmpty();
  }

  @Test
  void bringingTheDeviceUpAddsConnectedAndBroadcastRoutes() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.addAddress(v1, address("10.0.0.1/24"));
    root.setUp(v1, true);
    assertThat(routes(root.fib().main())).containsExactly("unicast 10.0.0.0/24 v1");
    assertThat(routes(root.fib().local()))
        .containsExactly("local 10.0.0.1/32 v1", "broadcast 10.0.0.255/32 v1");
  }

  @Test
  void takingTheDeviceDownKeepsOnlyLocalRoutes() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.0.1/24"));
    root.setUp(v1, false);
    assertThat(root.fib().main().routes()).isEmpty();
    assertThat(routes(root.fib().local())).containsExactly("local 10.0.0.1/32 v1");
  }

  @Test
  void addressInAPrimarySubnetBecomesSecondaryAndIsListedLast() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.0.1/24"));
    root.addAddress(v1, address("10.0.0.5/24"));
    root.addAddress(v1, address("10.0.0.9/16"));
    assertThat(v1.addresses())
        .extracting(a -> a.prefix() + (a.secondary() ? " secondary" : ""))
        .containsExactly("10.0.0.1/24", "10.0.0.9/16", "10.0.0.5/24 secondary");
    assertThat(routes(root.fib().main()))
        .containsExactly("unicast 10.0.0.0/24 v1", "unicast 10.0.0.0/16 v1");
  }

  @Test
  void deletingAPrimaryTakesItsSecondariesAlong() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.addAddress(v1, address("10.0.0.1/24"));
    root.addAddress(v1, address("10.0.0.5/24"));
    root.deleteAddress(v1, Ipv4Prefix.parse("10.0.0.1/24"));
    assertThat(v1.addresses()).isEmpty();
    assertThat(root.fib().local().routes()).isEmpty();
  }

  @Test
  void withPromoteSecondariesTheNextSecondaryBecomesPrimaryBehindTheOtherPrimaries() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.sysctls().set("net.ipv4.conf.all.promote_secondaries", "1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.0.1/24"));
    root.addAddress(v1, address("10.9.0.1/16"));
    root.addAddress(v1, address("10.0.0.5/24"));
    root.addAddress(v1, address("10.0.0.6/24"));
    root.deleteAddress(v1, Ipv4Prefix.parse("10.0.0.1/24"));
    assertThat(v1.addresses())
        .extracting(a -> a.prefix() + (a.secondary() ? " secondary" : ""))
        .containsExactly("10.9.0.1/16", "10.0.0.5/24", "10.0.0.6/24 secondary");
    assertThat(root.fib().local().routes())
        .filteredOn(r -> r.destination().toString().startsWith("10.0.0."))
        .extracting(r -> r.destination() + " src " + r.preferredSource())
        .containsExactly(
            "10.0.0.5/32 src 10.0.0.5", "10.0.0.6/32 src 10.0.0.5", "10.0.0.255/32 src 10.0.0.5");
  }

  @Test
  void aDeletedAddressTakesTheRoutesThatUseItAsSourceAlong() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.0.1/24"));
    root.addAddress(v1, address("10.0.0.5/24"));
    root.addAddress(v1, address("10.9.0.1/16"));
    Route via =
        new Route(
            Route.TABLE_MAIN,
            RouteType.UNICAST,
            Ipv4Prefix.parse("10.7.0.0/16"),
            Ipv4Address.parse("10.0.0.254"),
            v1,
            RouteProtocol.BOOT,
            AddressScope.GLOBAL,
            Ipv4Address.parse("10.0.0.5"),
            0,
            false);
    root.fib().add(via);
    root.deleteAddress(v1, Ipv4Prefix.parse("10.0.0.1/24"));
    assertThat(root.fib().main().routes())
        .extracting(Route::destination)
        .map(String::valueOf)
        .containsExactly("10.9.0.0/16");
  }

  @Test
  void duplicateAddressFailsWithFileExists() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.addAddress(v1, address("10.0.0.1/24"));
    assertThatThrownBy(() -> root.addAddress(v1, address("10.0.0.1/24")))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
  }

  @Test
  void movingADeviceFlushesItsAddressesAndKeepsAFreeIndex() {
    NetNamespace n1 = host.addNetns("n1");
    root.addVeth("veth-1", "veth-2", null);
    NetDevice v2 = root.requireDevice("veth-2");
    root.setUp(v2, true);
    root.addAddress(v2, address("172.16.100.101/24"));
    root.moveDevice(v2, n1);
    assertThat(v2.netns()).isSameAs(n1);
    assertThat(v2.ifindex()).isEqualTo(2);
    assertThat(v2.addresses()).isEmpty();
    assertThat(v2.isAdminUp()).isFalse();
    assertThat(root.fib().allRoutes()).isEmpty();
    assertThat(root.device("veth-2")).isEmpty();
  }

  @Test
  void deletingOneVethEndRemovesThePeerInAnotherNamespace() {
    NetNamespace n1 = host.addNetns("n1");
    root.addVeth("veth-1", "veth-2", n1);
    root.deleteDevice(root.requireDevice("veth-1"));
    assertThat(n1.device("veth-2")).isEmpty();
  }

  @Test
  void bridgeTakesTheLowestPortMacUnlessSetByHand() {
    root.addVeth("p1", "q1", null);
    root.addVeth("p2", "q2", null);
    NetDevice br = root.addBridge("br0");
    NetDevice p1 = root.requireDevice("p1");
    NetDevice p2 = root.requireDevice("p2");
    root.setMac(p1, MacAddress.parse("02:00:00:00:00:09"));
    root.setMac(p2, MacAddress.parse("02:00:00:00:00:03"));
    root.enslave(p1, br);
    root.enslave(p2, br);
    assertThat(br.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:03"));
    assertThat(br.bridge().fdb()).hasSize(2);
    root.setMac(br, MacAddress.parse("02:00:00:00:00:aa"));
    root.releaseFromBridge(p2);
    assertThat(br.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:aa"));
  }

  @Test
  void enslavingABridgeToItselfIsALoop() {
    NetDevice br = root.addBridge("br0");
    assertThatThrownBy(() -> root.enslave(br, br))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ELOOP));
  }

  @Test
  void renamingAnUpDeviceMovesItsSysctls() {
    NetDevice dummy = root.addDummy("d0");
    root.setUp(dummy, true);
    root.rename(dummy, "d1");
    assertThat(dummy.name()).isEqualTo("d1");
    assertThat(dummy.isAdminUp()).isTrue();
    assertThat(root.sysctls().get("net.ipv4.conf.d1.rp_filter")).contains("0");
    assertThat(root.sysctls().get("net.ipv4.conf.d0.rp_filter")).isEmpty();
    assertThat(root.sysctls().get("net.ipv4.neigh.d1.mcast_solicit")).contains("3");
  }

  @Test
  void lastPortLeavingZeroesTheBridgeMac() {
    NetDevice br = root.addBridge("br0");
    root.addVeth("p1", "q1", null);
    NetDevice p1 = root.requireDevice("p1");
    root.enslave(p1, br);
    assertThat(br.mac()).isEqualTo(p1.mac());
    root.releaseFromBridge(p1);
    assertThat(br.mac()).isEqualTo(MacAddress.ZERO);
    assertThat(br.mtu()).isEqualTo(1500);
  }

  @Test
  void vethWhosePeerTakesItsNameFailsAfterUsingAnIfindex() {
    assertThatThrownBy(() -> root.addVeth("veth0", "veth0", null))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    root.addVeth("a", "b", null);
    assertThat(root.requireDevice("b").ifindex()).isEqualTo(3);
  }

  @Test
  void namespaceIdsReuseTheLowestFreeNumber() {
    NetNamespace a = root.host().addNetns("a");
    NetNamespace b = root.host().addNetns("b");
    NetNamespace c = root.host().addNetns("c");
    assertThat(root.peerId(a)).isZero();
    assertThat(root.peerId(b)).isEqualTo(1);
    root.host().deleteNetns("a");
    assertThat(root.peerId(c)).isZero();
  }

  @Test
  void gatewayMustBeReachableThroughAConnectedRoute() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.1.2/24"));
    Route viaUnknown =
        new Route(
            Route.TABLE_MAIN,
            RouteType.UNICAST,
            Ipv4Prefix.parse("10.99.0.0/24"),
            Ipv4Address.parse("10.0.9.1"),
            null,
            RouteProtocol.BOOT,
            AddressScope.GLOBAL,
            null,
            0,
            false);
    assertThatThrownBy(() -> root.fib().add(viaUnknown))
        .isInstanceOfSatisfying(
            KernelException.class,
            e -> assertThat(e.extack()).isEqualTo("Nexthop has invalid gateway"));
  }

  @Test
  void lookupPrefersLongestPrefixThenLowestMetric() {
    root.addVeth("v1", "v2", null);
    NetDevice v1 = root.requireDevice("v1");
    root.setUp(v1, true);
    root.addAddress(v1, address("10.0.1.2/24"));
    Route viaGateway =
        new Route(
            Route.TABLE_MAIN,
            RouteType.UNICAST,
            Ipv4Prefix.parse("10.0.2.0/24"),
            Ipv4Address.parse("10.0.1.1"),
            v1,
            RouteProtocol.BOOT,
            AddressScope.GLOBAL,
            null,
            50,
            false);
    Route direct =
        new Route(
            Route.TABLE_MAIN,
            RouteType.UNICAST,
            Ipv4Prefix.parse("10.0.2.0/24"),
            null,
            v1,
            RouteProtocol.BOOT,
            AddressScope.LINK,
            null,
            100,
            false);
    root.fib().add(direct);
    root.fib().add(viaGateway);
    assertThat(root.fib().lookup(Ipv4Address.parse("10.0.2.2"))).contains(viaGateway);
    assertThat(root.fib().lookup(Ipv4Address.parse("10.0.1.1")).orElseThrow().gateway()).isNull();
  }

  @Test
  void ipForwardTurnsForwardingOnForEveryInterface() {
    root.addDummy("d0");
    root.sysctls().set(Sysctls.IP_FORWARD, "1");
    assertThat(root.sysctls().get("net.ipv4.conf.d0.forwarding")).contains("1");
    assertThat(root.sysctls().get("net.ipv4.conf.all.forwarding")).contains("1");
    assertThat(root.sysctls().get("net.ipv4.conf.default.forwarding")).contains("1");
  }

  @Test
  void rewritingIpForwardWithTheSameValueKeepsInterfacesSetOnTheirOwn() {
    root.addDummy("d0");
    root.sysctls().set(Sysctls.IP_FORWARD, "1");
    root.sysctls().set("net.ipv4.conf.d0.forwarding", "0");
    root.sysctls().set(Sysctls.IP_FORWARD, "1");
    assertThat(root.sysctls().get("net.ipv4.conf.d0.forwarding")).contains("0");
    root.sysctls().set("net.ipv4.conf.default.forwarding", "0");
    assertThat(root.sysctls().get("net.ipv4.conf.lo.forwarding")).contains("1");
    root.sysctls().set(Sysctls.IP_FORWARD, "2");
    assertThat(root.sysctls().get("net.ipv4.conf.d0.forwarding")).contains("2");
  }

  @Test
  void deletingANamespaceTakesVethPeersInOtherNamespaces() {
    NetNamespace n1 = host.addNetns("n1");
    root.addVeth("host-end", "ns-end", n1);
    host.deleteNetns("n1");
    assertThat(root.device("host-end")).isEmpty();
    assertThat(host.netns("n1")).isEmpty();
  }
}
