package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NeighbourTable;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a snapshot keeps of a world, and what it leaves to the kernel to derive again. */
class WorldSnapshotTest {

  private static LabNamespace namespace(World world, String name) {
    return WorldSnapshot.document(world, "lab").hosts().get(0).namespaces().stream()
        .filter(ns -> ns.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsDevicesWithIfindexMacMtuMasterAndPeer() {
    LabNamespace root = namespace(TestLabs.bridgeWithGateway(), "");
    assertThat(root.devices())
        .extracting(LabDevice::name)
        .containsExactly("lo", "br0", "veth-c1", "veth-c2");
    LabDevice port = root.devices().get(2);
    assertThat(port.ifindex()).isEqualTo(3);
    assertThat(port.mac()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
    assertThat(port.mtu()).isEqualTo(1500);
    assertThat(port.master()).isEqualTo("br0");
    assertThat(port.port()).isEqualTo(LabPort.DEFAULTS);
    assertThat(port.peer()).isEqualTo(new LabPeer("c1", "eth0"));
    assertThat(root.devices().get(1).bridge()).isEqualTo(LabBridge.DEFAULTS);
  }

  @Test
  void keepsOnlyTheRoutesSomeoneAdded() {
    LabNamespace c1 = namespace(TestLabs.bridgeWithGateway(), "c1");
    assertThat(c1.routes()).hasSize(1);
    LabRoute route = c1.routes().get(0);
    assertThat(route.destination().length()).isZero();
    assertThat(route.gateway()).isEqualTo(Ipv4Address.parse("172.16.100.1"));
    assertThat(route.device()).isEqualTo("eth0");
    assertThat(route.protocol()).isEqualTo(RouteProtocol.BOOT);
    assertThat(namespace(TestLabs.bridgeWithGateway(), "").routes()).isEmpty();
  }

  @Test
  void keepsPermanentNoarpAndProxyNeighboursButNotLearnedOnes() {
    World world = TestLabs.vethPair();
    NetNamespace a = world.defaultHost().netns("a").orElseThrow();
    var eth = a.requireDevice("veth-a");
    NeighbourEntry permanent =
        new NeighbourEntry(Ipv4Address.parse("10.0.0.2"), eth, NudState.PERMANENT, 0);
    permanent.update(NudState.PERMANENT, MacAddress.parse("02:00:00:00:0b:01"), 0);
    NeighbourEntry learned =
        new NeighbourEntry(Ipv4Address.parse("10.0.0.3"), eth, NudState.REACHABLE, 0);
    learned.update(NudState.REACHABLE, MacAddress.parse("02:00:00:00:0b:03"), 0);
    a.neighbours().add(permanent);
    a.neighbours().add(learned);
    a.neighbours().addProxy(new NeighbourTable.ProxyEntry(Ipv4Address.parse("10.0.0.9"), eth));

    assertThat(namespace(world, "a").neighbours())
        .containsExactly(
            new LabNeighbour(
                LabNeighbour.Kind.PERMANENT,
                Ipv4Address.parse("10.0.0.2"),
                "veth-a",
                MacAddress.parse("02:00:00:00:0b:01"),
                false),
            new LabNeighbour(
                LabNeighbour.Kind.PROXY, Ipv4Address.parse("10.0.0.9"), "veth-a", null, false));
  }

  @Test
  void keepsStaticFdbEntriesButNotLocalOrLearnedOnes() {
    World world = TestLabs.bridgeWithGateway();
    NetNamespace root = world.defaultHost().root();
    var bridge = root.requireDevice("br0").bridge();
    var port = root.requireDevice("veth-c1");
    bridge.put(new FdbEntry(MacAddress.parse("02:00:00:00:01:02"), port, FdbEntry.Type.DYNAMIC, 0));
    bridge.put(new FdbEntry(MacAddress.parse("02:00:00:00:07:07"), port, FdbEntry.Type.STATIC, 0));

    assertThat(namespace(world, "").fdb())
        .containsExactly(new LabFdbEntry(MacAddress.parse("02:00:00:00:07:07"), "veth-c1"));
  }

  @Test
  void keepsOnlySysctlsThatDifferFromAFreshNamespace() {
    World world = TestLabs.router();
    NetNamespace client = world.defaultHost().netns("client").orElseThrow();
    client.sysctls().set("net.ipv4.conf.c-eth0.rp_filter", "2");

    assertThat(namespace(world, "client").sysctls())
        .isEqualTo(Map.of("net.ipv4.conf.c-eth0.rp_filter", "2"));
    assertThat(namespace(world, "router").sysctls())
        .containsEntry("net.ipv4.ip_forward", "1")
        .containsEntry("net.ipv4.conf.r-eth0.forwarding", "1")
        .containsEntry("net.ipv4.conf.all.accept_redirects", "0")
        .doesNotContainKey("net.ipv4.conf.r-eth0.rp_filter");
    assertThat(namespace(world, "server").sysctls()).isEmpty();
  }

  @Test
  void leavesAddressesSecondaryFlagToTheKernel() {
    World world = TestLabs.vethPair();
    NetNamespace a = world.defaultHost().netns("a").orElseThrow();
    TestLabs.addr(a, "veth-a", "10.0.0.7/24");
    LabDevice dev = namespace(world, "a").devices().get(1);
    assertThat(dev.addresses())
        .extracting(x -> x.prefix().toString())
        .containsExactly("10.0.0.1/24", "10.0.0.7/24");
  }
}
