package io.packetwalk.lab;

import io.packetwalk.kernel.BridgePortSettings;
import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.BridgeVlans;
import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.IpvlanState;
import io.packetwalk.kernel.MacvlanState;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NeighbourTable;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.kernel.TunState;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.VlanState;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanFdbEntry;
import io.packetwalk.kernel.VxlanRemote;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.kernel.World;
import io.packetwalk.kernel.netfilter.SaveText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a world into the world part of a lab document. Only reads: what the kernel derives
 * (connected and local routes, secondary flags, learned neighbours and FDB entries, counters) is
 * left out, because building the document again derives it the same way.
 */
public final class WorldSnapshot {

  private WorldSnapshot() {}

  /** A document named {@code name} holding everything in {@code world}. */
  public static LabDocument document(World world, String name) {
    return LabDocument.of(name, hosts(world), underlay(world));
  }

  /** The same document with its world part read from {@code world}. */
  public static LabDocument refresh(LabDocument document, World world) {
    return document.withWorld(hosts(world), underlay(world));
  }

  public static List<LabHost> hosts(World world) {
    return world.hosts().stream().map(WorldSnapshot::host).toList();
  }

  public static List<String> underlay(World world) {
    return world.switches().stream().map(UnderlaySwitch::name).toList();
  }

  private static LabHost host(Host host) {
    return new LabHost(
        host.name(),
        host.namespaces().stream().map(WorldSnapshot::netns).toList(),
        host.bridgeVlanFiltering());
  }

  private static LabNamespace netns(NetNamespace ns) {
    List<LabFdbEntry> fdb = new ArrayList<>();
    for (NetDevice dev : ns.devices()) {
      if (dev.isBridge()) {
        dev.bridge().fdb().stream()
            .filter(e -> e.type() == FdbEntry.Type.STATIC)
            .forEach(e -> fdb.add(new LabFdbEntry(e.mac(), e.port().name(), null, e.vlan())));
      }
      if (dev.kind() instanceof DeviceKind.Vxlan(VxlanState state)) {
        vxlanFdb(dev, state, fdb);
      }
    }
    return new LabNamespace(
        ns.name(),
        ns.devices().stream().map(WorldSnapshot::device).toList(),
        ns.fib().allRoutes().stream()
            .filter(r -> r.protocol() != RouteProtocol.KERNEL)
            .map(WorldSnapshot::route)
            .toList(),
        neighbours(ns.neighbours()),
        fdb,
        sysctls(ns.sysctls().all()),
        SaveText.of(ns.netfilter(), false, null));
  }

  private static List<LabVlan> vlans(BridgeVlans group) {
    return group.vids().stream()
        .map(vid -> new LabVlan(vid, vid == group.pvid(), group.untagged(vid)))
        .toList();
  }

  private static LabDevice device(NetDevice dev) {
    LabDeviceKind kind;
    LabPeer peer = null;
    LabBridge bridge = null;
    String underlay = null;
    LabStacked stacked = null;
    LabVxlan vxlan = null;
    LabTun tun = null;
    switch (dev.kind()) {
      case DeviceKind.Loopback l -> kind = LabDeviceKind.LOOPBACK;
      case DeviceKind.Veth v -> {
        kind = LabDeviceKind.VETH;
        NetDevice other = dev.vethPeer();
        peer = new LabPeer(other.netns().name(), other.name());
      }
      case DeviceKind.Bridge(BridgeState state) -> {
        kind = LabDeviceKind.BRIDGE;
        bridge =
            new LabBridge(
                state.ageingTimeCs(),
                state.stp(),
                state.nfCallIptables(),
                state.vlanFiltering(),
                state.defaultPvid(),
                vlans(state.vlans()));
      }
      case DeviceKind.Dummy d -> kind = LabDeviceKind.DUMMY;
      case DeviceKind.Physical p -> {
        kind = LabDeviceKind.PHYSICAL;
        underlay = p.cable().isPlugged() ? p.cable().plugged().name() : null;
      }
      case DeviceKind.Macvlan(MacvlanState state) -> {
        kind = LabDeviceKind.MACVLAN;
        NetDevice lower = state.lower();
        stacked =
            new LabStacked(
                new LabPeer(lower.netns().name(), lower.name()), state.mode().word(), null, null);
      }
      case DeviceKind.Vlan(VlanState state) -> {
        kind = LabDeviceKind.VLAN;
        NetDevice lower = state.lower();
        stacked =
            new LabStacked(new LabPeer(lower.netns().name(), lower.name()), null, state.id(), null);
      }
      case DeviceKind.Ipvlan(IpvlanState state) -> {
        kind = LabDeviceKind.IPVLAN;
        NetDevice lower = state.lower();
        stacked =
            new LabStacked(
                new LabPeer(lower.netns().name(), lower.name()),
                state.port().mode().word(),
                null,
                state.port().isolation().word());
      }
      case DeviceKind.Vxlan v -> {
        kind = LabDeviceKind.VXLAN;
        vxlan = vxlan(v.state().config());
      }
      case DeviceKind.Tun(TunState state) -> {
        kind = LabDeviceKind.TUN;
        tun = tun(state.config());
      }
    }
    BridgePortSettings settings = dev.portSettings();
    LabPort port =
        settings == null
            ? null
            : new LabPort(
                settings.hairpin(),
                settings.learning(),
                settings.flood(),
                settings.cost(),
                vlans(settings.vlans()));
    return new LabDevice(
        dev.name(),
        kind,
        dev.ifindex(),
        dev.mac(),
        dev.mtu(),
        dev.isAdminUp(),
        dev.master() == null ? null : dev.master().name(),
        peer,
        bridge,
        port,
        underlay,
        vxlan,
        tun,
        dev.addresses().stream().map(a -> address(dev, a)).toList(),
        stacked);
  }

  private static LabTun tun(TunConfig c) {
    return new LabTun(
        c.mode().word(),
        c.owner(),
        c.group(),
        c.packetInfo(),
        c.vnetHeader(),
        c.multiQueue(),
        c.oneQueue());
  }

  private static LabVxlan vxlan(VxlanConfig c) {
    return new LabVxlan(
        c.vni(),
        c.dstPort(),
        c.local(),
        c.remote(),
        c.group(),
        c.lower() == null ? null : c.lower().name(),
        c.learning(),
        c.proxy(),
        c.l2miss(),
        c.l3miss(),
        c.ttl(),
        c.srcPortLow(),
        c.srcPortHigh(),
        c.ageingSeconds());
  }

  /**
   * A VXLAN device's entries added by hand, oldest first (the order that rebuilds the table): not
   * the learned ones, and not the default entry its {@code remote} or {@code group} made.
   */
  private static void vxlanFdb(NetDevice dev, VxlanState state, List<LabFdbEntry> fdb) {
    List<LabFdbEntry> entries = new ArrayList<>();
    VxlanConfig config = state.config();
    for (VxlanFdbEntry entry : state.fdb(dev.netns().world().now())) {
      if (entry.state() == VxlanFdbEntry.State.REACHABLE) {
        continue;
      }
      List<LabFdbEntry> own = new ArrayList<>();
      for (VxlanRemote remote : entry.remotes()) {
        boolean made =
            entry.mac().isZero()
                && remote.address().equals(config.defaultDestination())
                && remote.via() == config.lower();
        if (!made) {
          own.add(new LabFdbEntry(entry.mac(), dev.name(), remote.address()));
        }
      }
      entries.addAll(0, own);
    }
    fdb.addAll(entries);
  }

  private static LabAddress address(NetDevice dev, InterfaceAddress address) {
    return new LabAddress(
        address.prefix(),
        address.broadcast(),
        address.scope(),
        address.label() == null ? dev.name() : address.label(),
        address.metric());
  }

  private static LabRoute route(Route route) {
    return new LabRoute(
        route.table(),
        route.type(),
        route.destination(),
        route.gateway(),
        route.device() == null ? null : route.device().name(),
        route.preferredSource(),
        route.metric(),
        route.scope(),
        route.protocol(),
        route.onlink());
  }

  private static List<LabNeighbour> neighbours(NeighbourTable table) {
    List<LabNeighbour> kept = new ArrayList<>();
    for (NeighbourEntry entry : table.entries()) {
      LabNeighbour.Kind kind =
          entry.state() == NudState.PERMANENT
              ? LabNeighbour.Kind.PERMANENT
              : entry.state() == NudState.NOARP ? LabNeighbour.Kind.NOARP : null;
      if (kind != null) {
        kept.add(
            new LabNeighbour(
                kind, entry.address(), entry.device().name(), entry.lladdr(), entry.router()));
      }
    }
    for (NeighbourTable.ProxyEntry proxy : table.proxies()) {
      kept.add(
          new LabNeighbour(
              LabNeighbour.Kind.PROXY, proxy.address(), proxy.device().name(), null, false));
    }
    return kept;
  }

  /** The namespace's sysctls whose values differ from a fresh namespace's, by key. */
  public static SortedMap<String, String> changedSysctls(NetNamespace ns) {
    return sysctls(ns.sysctls().all());
  }

  private static SortedMap<String, String> sysctls(Map<String, String> values) {
    SortedMap<String, String> changed = new TreeMap<>();
    values.forEach((key, value) -> {
      if (!FreshSysctls.freshValue(key).map(value::equals).orElse(false)) {
        changed.put(key, value);
      }
    });
    return changed;
  }
}
