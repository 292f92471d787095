package io.packetwalk.stream;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanFdbEntry;
import io.packetwalk.kernel.VxlanRemote;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VXLAN tunnels of a world, as the canvas draws them: a VTEP and the VTEP its forwarding table
 * sends to (a remote address owned by the other VTEP's underlay namespace, same VNI and port), each
 * pair once, in the order the VTEPs are met.
 */
final class Tunnels {

  /** Two VTEPs joined by forwarding entries (at least one of them names the other). */
  record Tunnel(NetDevice a, NetDevice b) {}

  private Tunnels() {}

  static List<Tunnel> of(World world) {
    List<NetDevice> vteps = new ArrayList<>();
    Map<Ipv4Address, List<NetDevice>> byUnderlayAddress = new HashMap<>();
    for (Host host : world.hosts()) {
      for (NetNamespace ns : host.namespaces()) {
        for (NetDevice dev : ns.devices()) {
          if (dev.kind() instanceof DeviceKind.Vxlan(VxlanState state)) {
            vteps.add(dev);
            for (NetDevice underlayDev : state.underlay().devices()) {
              for (InterfaceAddress address : underlayDev.addresses()) {
                byUnderlayAddress.computeIfAbsent(address.local(), a -> new ArrayList<>()).add(dev);
              }
            }
          }
        }
      }
    }
    List<Tunnel> tunnels = new ArrayList<>();
    Set<Set<NetDevice>> seen = new HashSet<>();
    long now = world.now();
    for (NetDevice vtep : vteps) {
      VxlanState state = ((DeviceKind.Vxlan) vtep.kind()).state();
      VxlanConfig config = state.config();
      for (VxlanFdbEntry entry : state.fdb(now)) {
        for (VxlanRemote remote : entry.remotes()) {
          int vni = remote.vni() >= 0 ? remote.vni() : config.vni();
          int port = remote.port() != 0 ? remote.port() : config.dstPort();
          for (NetDevice other : byUnderlayAddress.getOrDefault(remote.address(), List.of())) {
            VxlanConfig theirs = ((DeviceKind.Vxlan) other.kind()).state().config();
            if (other != vtep
                && theirs.vni() == vni
                && theirs.dstPort() == port
                && seen.add(Set.of(vtep, other))) {
              tunnels.add(new Tunnel(vtep, other));
            }
          }
        }
      }
    }
    return tunnels;
  }
}
