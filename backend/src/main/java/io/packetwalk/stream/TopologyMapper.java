package io.packetwalk.stream;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VethPair;
import io.packetwalk.kernel.World;
import io.packetwalk.stream.protocol.Protocol.DeviceRef;
import io.packetwalk.stream.protocol.Protocol.DeviceView;
import io.packetwalk.stream.protocol.Protocol.HostView;
import io.packetwalk.stream.protocol.Protocol.LinkView;
import io.packetwalk.stream.protocol.Protocol.NamespaceView;
import io.packetwalk.stream.protocol.Protocol.SwitchView;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The topology a browser draws, read from a world: hosts, their namespaces (root first) and devices
 * (by ifindex), each veth pair once (a = the end met first), each bridge port (a = the port, b =
 * the bridge), each VXLAN tunnel once (two VTEPs whose forwarding entries join them), and the
 * underlay switches with the NICs plugged into them. Two snapshots are equal exactly when nothing
 * visible differs.
 */
final class TopologyMapper {

  private TopologyMapper() {}

  static TopologyView snapshot(World world) {
    List<HostView> hosts = new ArrayList<>();
    List<LinkView> links = new ArrayList<>();
    Set<VethPair> pairsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Host host : world.hosts()) {
      List<NamespaceView> namespaces = new ArrayList<>();
      for (NetNamespace ns : host.namespaces()) {
        List<DeviceView> devices = new ArrayList<>();
        for (NetDevice dev : ns.devices()) {
          devices.add(device(dev));
          if (dev.kind() instanceof DeviceKind.Veth(VethPair pair) && pairsSeen.add(pair)) {
            links.add(new LinkView("veth", ref(dev), ref(pair.peerOf(dev))));
          }
          if (dev.master() != null) {
            links.add(new LinkView("bridge-port", ref(dev), ref(dev.master())));
          }
          if (dev.kind() instanceof DeviceKind.Stacked stacked) {
            links.add(new LinkView("lower", ref(dev), ref(stacked.lower())));
          }
        }
        namespaces.add(new NamespaceView(ns.name(), ns.isRoot(), devices));
      }
      hosts.add(new HostView(host.name(), namespaces));
    }
    for (Tunnels.Tunnel tunnel : Tunnels.of(world)) {
      links.add(new LinkView("vxlan-tunnel", ref(tunnel.a()), ref(tunnel.b())));
    }
    List<SwitchView> switches =
        world.switches().stream()
            .map(sw ->
                new SwitchView(sw.name(), sw.ports().stream().map(TopologyMapper::ref).toList()))
            .toList();
    return new TopologyView(hosts, links, switches);
  }

  private static DeviceView device(NetDevice dev) {
    return new DeviceView(
        dev.name(),
        dev.ifindex(),
        dev.kind().typeName(),
        dev.mac().toString(),
        dev.mtu(),
        dev.isAdminUp(),
        dev.hasCarrier(),
        dev.master() == null ? null : dev.master().name(),
        dev.addresses().stream().map(InterfaceAddress::prefix).map(Object::toString).toList());
  }

  private static DeviceRef ref(NetDevice dev) {
    NetNamespace ns = dev.netns();
    return new DeviceRef(ns.host().name(), ns.name(), dev.name());
  }
}
