package io.packetwalk.stream;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.RoutingTable;
import io.packetwalk.kernel.World;

/**
 * How much a lab holds, counted in kernel objects — namespaces, devices, addresses, routes,
 * neighbour and bridge FDB entries, iptables rules, conntrack entries, ipset members and underlay
 * switches — the measure the server bounds each lab and all labs by.
 */
final class LabFootprint {

  private LabFootprint() {}

  static long of(World world) {
    long objects = world.switches().size();
    for (Host host : world.hosts()) {
      for (NetNamespace ns : host.namespaces()) {
        objects++;
        objects += ns.neighbours().entries().size();
        objects += ns.netfilter().ruleCount();
        objects += ns.netfilter().conntrack().size();
        for (var set : ns.netfilter().ipsets().all()) {
          objects += 1 + set.members().size();
        }
        for (RoutingTable table : ns.fib().tables()) {
          objects += table.routes().size();
        }
        for (NetDevice dev : ns.devices()) {
          objects += 1 + dev.addresses().size();
          if (dev.isBridge()) {
            objects += dev.bridge().fdb().size();
          }
        }
      }
    }
    return objects;
  }
}
