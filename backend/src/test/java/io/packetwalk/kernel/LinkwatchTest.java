package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

class LinkwatchTest {

  private final World world = World.withOneHost();
  private final Host host = world.defaultHost();
  private final NetNamespace root = host.root();

  private NetDevice[] upVethPair() {
    root.addVeth("a0", "b0", null);
    NetDevice a = root.requireDevice("a0");
    NetDevice b = root.requireDevice("b0");
    root.setUp(a, true);
    root.setUp(b, true);
    return new NetDevice[] {a, b};
  }

  @Test
  void peerGoingDownAndUpAgainEvictsTheNeighboursOfTheOtherEndOnTheWay() {
    NetDevice[] pair = upVethPair();
    NetDevice a = pair[0];
    NetDevice b = pair[1];
    root.neighbours()
        .add(new NeighbourEntry(Ipv4Address.of(10, 0, 0, 2), a, NudState.STALE, world.now()));
    root.neighbours()
        .add(new NeighbourEntry(Ipv4Address.of(10, 0, 0, 3), a, NudState.PERMANENT, world.now()));

    root.setUp(b, false);
    root.setUp(b, true);

    assertThat(a.operState()).isEqualTo(OperState.UP);
    assertThat(root.neighbours().entries())
        .extracting(NeighbourEntry::state)
        .containsExactly(NudState.PERMANENT);
  }

  @Test
  void vethUpWithItsPeerDownIsLowerLayerDownUntilThePeerComesUp() {
    root.addVeth("a0", "b0", null);
    NetDevice a = root.requireDevice("a0");
    NetDevice b = root.requireDevice("b0");

    root.setUp(a, true);
    assertThat(a.operState()).isEqualTo(OperState.LOWERLAYERDOWN);
    assertThat(a.isRunning()).isFalse();

    root.setUp(b, true);
    assertThat(a.operState()).isEqualTo(OperState.UP);
    assertThat(b.operState()).isEqualTo(OperState.UP);
    assertThat(a.isRunning()).isTrue();
  }

  @Test
  void loopbackAndDummyNeverReportCarrierSoTheirStateIsUnknown() {
    NetDevice dummy = root.addDummy("d0");
    root.setUp(root.loopback(), true);
    root.setUp(dummy, true);

    assertThat(root.loopback().operState()).isEqualTo(OperState.UNKNOWN);
    assertThat(dummy.operState()).isEqualTo(OperState.UNKNOWN);
    assertThat(dummy.isRunning()).isTrue();
  }

  @Test
  void bridgeIsUnknownUntilItsFirstPortThenFollowsItsPorts() {
    NetDevice br = root.addBridge("br0");
    root.setUp(br, true);
    assertThat(br.operState()).isEqualTo(OperState.UNKNOWN);

    NetDevice[] pair = upVethPair();
    root.enslave(pair[0], br);
    assertThat(br.operState()).isEqualTo(OperState.UP);
    assertThat(pair[0].isForwardingPort()).isTrue();

    root.setUp(pair[1], false);
    assertThat(br.operState()).isEqualTo(OperState.DOWN);
    assertThat(pair[0].isForwardingPort()).isFalse();

    root.setUp(pair[1], true);
    root.releaseFromBridge(pair[0]);
    assertThat(br.operState()).isEqualTo(OperState.DOWN);
  }

  @Test
  void pluggedNicIsUpOnceUp() {
    NetDevice nic = root.addPhysical("eth0", MacAddress.parse("02:00:00:00:00:01"));
    world.addSwitch("sw").plug(nic);
    root.setUp(nic, true);

    assertThat(nic.operState()).isEqualTo(OperState.UP);
  }

  @Test
  void upWithCarrierGetsTheEui64LinkLocalAndLosesItWhenDown() {
    NetDevice[] pair = upVethPair();
    NetDevice a = pair[0];
    root.setUp(root.loopback(), true);

    assertThat(a.inet6Addresses()).containsExactly(Inet6Address.linkLocal(a.mac()));
    assertThat(root.loopback().inet6Addresses())
        .containsExactly(new Inet6Address("::1", 128, "host"));
    assertThat(a.multicastAddresses())
        .contains(MacAddress.parse("33:33:ff:" + a.mac().toString().substring(9)));

    root.setUp(a, false);
    assertThat(a.inet6Addresses()).isEmpty();
  }

  @Test
  void linkLocalIsTheModifiedEui64OfTheMac() {
    assertThat(Inet6Address.linkLocal(MacAddress.parse("56:28:03:e9:d6:ad")).address())
        .isEqualTo("fe80::5428:3ff:fee9:d6ad");
  }

  @Test
  void qdiscIsNoopUntilTheFirstUpAndAgainAfterAMove() {
    NetNamespace ns1 = host.addNetns("ns1");
    NetDevice[] pair = upVethPair();
    NetDevice a = pair[0];
    assertThat(root.loopback().qdisc()).isEqualTo("noop");
    assertThat(a.qdisc()).isEqualTo("noqueue");

    root.moveDevice(a, ns1);
    assertThat(a.qdisc()).isEqualTo("noop");
  }

  @Test
  void crossNamespaceVethAndMovesAllocateNamespaceIdsWhenTheyHappen() {
    NetNamespace ns1 = host.addNetns("ns1");
    NetNamespace ns2 = host.addNetns("ns2");
    root.addVeth("a0", "b0", ns1);
    assertThat(root.existingPeerId(ns1)).contains(0);
    assertThat(ns1.existingPeerId(root)).isEmpty();

    root.moveDevice(root.requireDevice("a0"), ns2);
    assertThat(root.existingPeerId(ns2)).contains(1);
    assertThat(ns2.existingPeerId(ns1)).contains(0);
  }

  @Test
  void bridgePortsTakeTheLowestFreeNumber() {
    NetDevice br = root.addBridge("br0");
    NetDevice d1 = root.addDummy("d1");
    NetDevice d2 = root.addDummy("d2");
    NetDevice d3 = root.addDummy("d3");
    root.enslave(d1, br);
    root.enslave(d2, br);
    root.releaseFromBridge(d1);
    root.enslave(d3, br);

    assertThat(d2.portNumber()).isEqualTo(2);
    assertThat(d3.portNumber()).isEqualTo(1);
    assertThat(d1.portNumber()).isZero();
  }

  @Test
  void selfUnicastAddressesAreKernelStateAndGoWhenTheDeviceMoves() {
    NetNamespace ns1 = host.addNetns("ns1");
    NetDevice[] pair = upVethPair();
    NetDevice a = pair[0];
    MacAddress extra = MacAddress.parse("02:00:00:00:00:aa");

    assertThat(root.addUnicastAddress(a, extra)).isTrue();
    assertThat(root.addUnicastAddress(a, extra)).isFalse();
    assertThat(a.unicastAddresses()).containsExactly(extra);

    root.moveDevice(a, ns1);
    assertThat(a.unicastAddresses()).isEmpty();
  }

  @Test
  void disablingIpv6TakesTheLinkLocalAwayAndEnablingGivesItBack() {
    NetDevice a = upVethPair()[0];
    root.sysctls().set("net.ipv6.conf.a0.disable_ipv6", "1");
    assertThat(a.inet6Addresses()).isEmpty();

    root.sysctls().set("net.ipv6.conf.a0.disable_ipv6", "0");
    assertThat(a.inet6Addresses()).containsExactly(Inet6Address.linkLocal(a.mac()));
  }
}
