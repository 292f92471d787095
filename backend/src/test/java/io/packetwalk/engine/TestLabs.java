package io.packetwalk.engine;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.BridgeVlanRules;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;

/**
 * Tiny labs built in memory, the way the tutorials build them with {@code ip}: namespaces joined by
 * veth pairs, bridges and routers, with MACs pinned to {@code 02:00:00:00:xx:yy} as the kernel
 * oracle scenarios pin them.
 */
final class TestLabs {

  private TestLabs() {}

  /** A world and its simulator, with the small verbs a lab is built from. */
  static final class Lab {
    final World world = World.withOneHost();
    final Host host = world.defaultHost();
    final Simulator sim = new Simulator(world);

    NetNamespace ns(String name) {
      return name.isEmpty() ? host.root() : host.netns(name).orElseGet(() -> host.addNetns(name));
    }

    NetDevice dev(String ns, String dev) {
      return ns(ns).requireDevice(dev);
    }

    /** A veth pair with one end in each namespace ("" = root), pinned MACs, both ends up. */
    Lab veth(String nsA, String devA, String macA, String nsB, String devB, String macB) {
      ns(nsA).addVeth(devA, devB, ns(nsB));
      ns(nsA).setMac(dev(nsA, devA), MacAddress.parse(macA));
      ns(nsB).setMac(dev(nsB, devB), MacAddress.parse(macB));
      return up(nsA, devA).up(nsB, devB);
    }

    Lab up(String ns, String dev) {
      ns(ns).setUp(dev(ns, dev), true);
      return this;
    }

    Lab down(String ns, String dev) {
      ns(ns).setUp(dev(ns, dev), false);
      return this;
    }

    /**
     * {@code ip link set lo up}; lo then carries 127.0.0.1/8 as on the kernel (added here when the
     * kernel model in use does not add it by itself).
     */
    Lab loUp(String... namespaces) {
      Ipv4Prefix localhost = Ipv4Prefix.parse("127.0.0.1/8");
      for (String name : namespaces) {
        up(name, "lo");
        NetDevice lo = dev(name, "lo");
        if (lo.addresses().stream().noneMatch(a -> a.prefix().equals(localhost))) {
          ns(name)
              .addAddress(
                  lo, new InterfaceAddress(localhost, null, AddressScope.HOST, "lo", false, 0));
        }
      }
      return this;
    }

    /** {@code ip addr add CIDR dev DEV} (no brd, as the scenarios write it). */
    Lab addr(String ns, String dev, String cidr) {
      ns(ns)
          .addAddress(
              dev(ns, dev),
              new InterfaceAddress(
                  Ipv4Prefix.parse(cidr), null, AddressScope.GLOBAL, dev, false, 0));
      return this;
    }

    Lab bridge(String ns, String name, String mac) {
      NetDevice br = ns(ns).addBridge(name);
      ns(ns).setMac(br, MacAddress.parse(mac));
      return up(ns, name);
    }

    Lab enslave(String ns, String port, String bridge) {
      ns(ns).enslave(dev(ns, port), dev(ns, bridge));
      return this;
    }

    /** {@code ip route add PREFIX via GW} (GW on a connected subnet). */
    Lab via(String ns, String prefix, String gateway) {
      NetNamespace n = ns(ns);
      Ipv4Address gw = Ipv4Address.parse(gateway);
      NetDevice dev = n.fib().lookup(gw).orElseThrow().device();
      n.fib().add(route(RouteType.UNICAST, prefix, gw, dev, AddressScope.GLOBAL));
      return this;
    }

    /** {@code ip route add PREFIX dev DEV} (scope link: ARP for the destination itself). */
    Lab onLink(String ns, String prefix, String dev) {
      ns(ns).fib().add(route(RouteType.UNICAST, prefix, null, dev(ns, dev), AddressScope.LINK));
      return this;
    }

    /** {@code ip route add blackhole|unreachable|prohibit PREFIX}. */
    Lab reject(String ns, RouteType type, String prefix) {
      ns(ns).fib().add(route(type, prefix, null, null, AddressScope.GLOBAL));
      return this;
    }

    Lab sysctl(String ns, String key, String value) {
      ns(ns).sysctls().set(key, value);
      return this;
    }

    private static Route route(
        RouteType type, String prefix, Ipv4Address gateway, NetDevice dev, AddressScope scope) {
      Ipv4Prefix destination =
          prefix.equals("default") ? Ipv4Prefix.DEFAULT : Ipv4Prefix.parse(prefix).network();
      return new Route(
          Route.TABLE_MAIN,
          type,
          destination,
          gateway,
          dev,
          RouteProtocol.BOOT,
          type == RouteType.UNICAST ? scope : AddressScope.GLOBAL,
          null,
          0,
          false);
    }

    PingRun ping(String from, String destination) {
      return ping(from, PingOptions.of(Ipv4Address.parse(destination), 1).withTimeout(SECOND));
    }

    PingRun ping(String from, PingOptions options) {
      return sim.ping(ns(from), options);
    }

    ConnectRun nc(String from, L4Protocol protocol, String destination, int port) {
      return sim.connect(
          ns(from), new ConnectOptions(protocol, Ipv4Address.parse(destination), port, SECOND));
    }
  }

  static final long SECOND = 1_000_000_000L;

  static PingOptions ping(String destination, int count) {
    return PingOptions.of(Ipv4Address.parse(destination), count).withTimeout(SECOND);
  }

  /** ns1 (veth1, 10.0.0.1/24) ⇄ ns2 (veth2, 10.0.0.2/24), lo up in both. */
  static Lab vethPair() {
    return new Lab()
        .veth("ns1", "veth1", "02:00:00:00:00:01", "ns2", "veth2", "02:00:00:00:00:02")
        .addr("ns1", "veth1", "10.0.0.1/24")
        .addr("ns2", "veth2", "10.0.0.2/24")
        .loUp("ns1", "ns2");
  }

  /** h1 and h2 (eth0, 172.16.0.1–2/24) on br0 in the root namespace (ports veth-h1, veth-h2). */
  static Lab twoOnBridge() {
    Lab lab = new Lab().bridge("", "br0", "02:00:00:00:00:fe");
    for (int i = 1; i <= 2; i++) {
      lab.veth(
              "",
              "veth-h" + i,
              "02:00:00:00:0" + i + ":01",
              "h" + i,
              "eth0",
              "02:00:00:00:0" + i + ":02")
          .enslave("", "veth-h" + i, "br0")
          .addr("h" + i, "eth0", "172.16.0." + i + "/24")
          .loUp("h" + i);
    }
    return lab;
  }

  /** twoOnBridge plus h3 (172.16.0.3/24) on port veth-h3. */
  static Lab threeOnBridge() {
    return twoOnBridge()
        .veth("", "veth-h3", "02:00:00:00:03:01", "h3", "eth0", "02:00:00:00:03:02")
        .enslave("", "veth-h3", "br0")
        .addr("h3", "eth0", "172.16.0.3/24")
        .loUp("h3");
  }

  /**
   * client (eth0 10.0.1.2/24) — (r-c 10.0.1.1/24) router (r-s 10.0.2.1/24) — (eth0 10.0.2.2/24)
   * server; both ends route by default via the router, whose ip_forward is as given.
   */
  static Lab router(boolean ipForward) {
    return new Lab()
        .veth("client", "eth0", "02:00:00:00:01:02", "router", "r-c", "02:00:00:00:01:01")
        .veth("server", "eth0", "02:00:00:00:02:02", "router", "r-s", "02:00:00:00:02:01")
        .addr("client", "eth0", "10.0.1.2/24")
        .addr("router", "r-c", "10.0.1.1/24")
        .addr("router", "r-s", "10.0.2.1/24")
        .addr("server", "eth0", "10.0.2.2/24")
        .loUp("client", "router", "server")
        .via("client", "default", "10.0.1.1")
        .via("server", "default", "10.0.2.1")
        .sysctl("router", "net.ipv4.ip_forward", ipForward ? "1" : "0");
  }

  /**
   * Two bridges joined by two veth pairs (a loop, STP off) with h1 (172.16.0.1/24) on br1: any
   * broadcast circles forever.
   */
  static Lab bridgeLoop() {
    return new Lab()
        .bridge("", "br1", "02:00:00:00:00:f1")
        .bridge("", "br2", "02:00:00:00:00:f2")
        .veth("", "l1a", "02:00:00:00:0a:01", "", "l1b", "02:00:00:00:0a:02")
        .veth("", "l2a", "02:00:00:00:0b:01", "", "l2b", "02:00:00:00:0b:02")
        .enslave("", "l1a", "br1")
        .enslave("", "l2a", "br1")
        .enslave("", "l1b", "br2")
        .enslave("", "l2b", "br2")
        .veth("", "veth-h1", "02:00:00:00:01:01", "h1", "eth0", "02:00:00:00:01:02")
        .enslave("", "veth-h1", "br1")
        .addr("h1", "eth0", "172.16.0.1/24")
        .loUp("h1");
  }

  /**
   * On a host whose kernel has bridge VLAN filtering, br0 (02:00:00:00:00:fe, vlan_filtering 1)
   * with access ports p1, p2 (h1 172.16.0.1, h2 172.16.0.2; VLAN 10) and p3 (h3 172.16.0.3; VLAN
   * 20), each port's VLAN its PVID and untagged, VLAN 1 taken off the ports.
   */
  static Lab vlanAccessPorts() {
    Lab lab = new Lab();
    lab.host.setBridgeVlanFiltering(true);
    lab.bridge("", "br0", "02:00:00:00:00:fe");
    int[] vids = {10, 10, 20};
    for (int i = 1; i <= 3; i++) {
      lab.veth(
              "",
              "p" + i,
              "02:00:00:00:0" + i + ":01",
              "h" + i,
              "eth0",
              "02:00:00:00:0" + i + ":02")
          .enslave("", "p" + i, "br0")
          .addr("h" + i, "eth0", "172.16.0." + i + "/24")
          .loUp("h" + i);
      BridgeVlanRules.add(lab.dev("", "p" + i), vids[i - 1], true, true, 0);
      BridgeVlanRules.delete(lab.dev("", "p" + i), 1);
    }
    BridgeVlanRules.setFiltering(lab.dev("", "br0"), true);
    return lab;
  }
}
