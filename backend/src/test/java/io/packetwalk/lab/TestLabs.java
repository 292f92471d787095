package io.packetwalk.lab;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.VethPair;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;

/**
 * Small labs built straight on the kernel API, the way the shell's commands would leave them: "two
 * namespaces on a veth pair", "two pods on a bridge with a gateway", "a router between two
 * namespaces".
 */
final class TestLabs {

  private TestLabs() {}

  static World fresh() {
    return World.withOneHost();
  }

  static NetNamespace root(World world) {
    return world.defaultHost().root();
  }

  static NetNamespace netns(World world, String name) {
    return world.defaultHost().netns(name).orElseGet(() -> world.defaultHost().addNetns(name));
  }

  static NetDevice dev(NetNamespace ns, String name) {
    return ns.requireDevice(name);
  }

  /** {@code ip link add A [netns NA] type veth peer name B netns NB}. */
  static VethPair veth(NetNamespace aNs, String a, NetNamespace bNs, String b) {
    return aNs.addVeth(a, b, bNs);
  }

  static void mac(NetNamespace ns, String dev, String mac) {
    ns.setMac(dev(ns, dev), MacAddress.parse(mac));
  }

  static void addr(NetNamespace ns, String dev, String prefix) {
    Ipv4Prefix p = Ipv4Prefix.parse(prefix);
    ns.addAddress(dev(ns, dev), new InterfaceAddress(p, null, AddressScope.GLOBAL, dev, false, 0));
  }

  static void up(NetNamespace ns, String... devs) {
    for (String d : devs) {
      ns.setUp(dev(ns, d), true);
    }
  }

  /** {@code ip route add DST via GW [dev DEV]}, as the shell resolves it (device filled in). */
  static void route(NetNamespace ns, String dst, String via, String dev) {
    Ipv4Prefix prefix = dst.equals("default") ? Ipv4Prefix.DEFAULT : Ipv4Prefix.parse(dst);
    Ipv4Address gateway = via == null ? null : Ipv4Address.parse(via);
    ns.fib()
        .add(
            new Route(
                Route.TABLE_MAIN,
                RouteType.UNICAST,
                prefix,
                gateway,
                dev(ns, dev),
                RouteProtocol.BOOT,
                gateway == null ? AddressScope.LINK : AddressScope.GLOBAL,
                null,
                0,
                false));
  }

  /** Scenario 01: a and b joined by a veth pair made in the root namespace and moved in. */
  static World vethPair() {
    World world = fresh();
    NetNamespace root = root(world);
    NetNamespace a = netns(world, "a");
    NetNamespace b = netns(world, "b");
    veth(root, "veth-a", root, "veth-b");
    mac(root, "veth-a", "02:00:00:00:0a:01");
    mac(root, "veth-b", "02:00:00:00:0b:01");
    root.moveDevice(dev(root, "veth-a"), a);
    root.moveDevice(dev(root, "veth-b"), b);
    up(a, "lo");
    up(b, "lo");
    addr(a, "veth-a", "10.0.0.1/24");
    addr(b, "veth-b", "10.0.0.2/24");
    up(a, "veth-a");
    up(b, "veth-b");
    return world;
  }

  /** Scenario 04: two namespaces on a bridge whose address is their default gateway. */
  static World bridgeWithGateway() {
    World world = fresh();
    NetNamespace root = root(world);
    NetNamespace c1 = netns(world, "c1");
    NetNamespace c2 = netns(world, "c2");
    root.addBridge("br0");
    mac(root, "br0", "02:00:00:00:00:01");
    addr(root, "br0", "172.16.100.1/24");
    up(root, "br0");
    veth(root, "veth-c1", c1, "eth0");
    veth(root, "veth-c2", c2, "eth0");
    mac(root, "veth-c1", "02:00:00:00:01:01");
    mac(root, "veth-c2", "02:00:00:00:02:01");
    mac(c1, "eth0", "02:00:00:00:01:02");
    mac(c2, "eth0", "02:00:00:00:02:02");
    root.enslave(dev(root, "veth-c1"), dev(root, "br0"));
    root.enslave(dev(root, "veth-c2"), dev(root, "br0"));
    up(root, "veth-c1", "veth-c2");
    for (NetNamespace c : new NetNamespace[] {c1, c2}) {
      addr(c, "eth0", c == c1 ? "172.16.100.101/24" : "172.16.100.102/24");
      up(c, "eth0", "lo");
      route(c, "default", "172.16.100.1", "eth0");
    }
    return world;
  }

  /** Scenario 06 plus a static route: client — router (ip_forward=1) — server. */
  static World router() {
    World world = fresh();
    NetNamespace root = root(world);
    NetNamespace client = netns(world, "client");
    NetNamespace router = netns(world, "router");
    NetNamespace server = netns(world, "server");
    veth(root, "c-eth0", root, "r-eth0");
    veth(root, "s-eth0", root, "r-eth1");
    mac(root, "c-eth0", "02:00:00:00:01:02");
    mac(root, "r-eth0", "02:00:00:00:01:01");
    mac(root, "r-eth1", "02:00:00:00:02:01");
    mac(root, "s-eth0", "02:00:00:00:02:02");
    root.moveDevice(dev(root, "c-eth0"), client);
    root.moveDevice(dev(root, "r-eth0"), router);
    root.moveDevice(dev(root, "r-eth1"), router);
    root.moveDevice(dev(root, "s-eth0"), server);
    addr(client, "c-eth0", "10.0.1.2/24");
    addr(router, "r-eth0", "10.0.1.1/24");
    addr(router, "r-eth1", "10.0.2.1/24");
    addr(server, "s-eth0", "10.0.2.2/24");
    up(client, "c-eth0");
    up(router, "r-eth0", "r-eth1");
    up(server, "s-eth0");
    route(client, "default", "10.0.1.1", "c-eth0");
    route(server, "default", "10.0.2.1", "s-eth0");
    route(router, "198.51.100.0/24", "10.0.2.2", "r-eth1");
    router.sysctls().set("net.ipv4.ip_forward", "1");
    return world;
  }
}
