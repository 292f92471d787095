package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * Path MTUs learned from ICMP "fragmentation needed", per namespace and destination; they expire
 * after {@code ip_rt_mtu_expires} (600 s) as in the kernel.
 */
final class PathMtuCache {

  static final long EXPIRES_NS = 600_000_000_000L;
  static final int MIN_PMTU = 552;

  private final Map<NetNamespace, Map<Ipv4Address, PathMtu>> byNetns = new WeakHashMap<>();

  Optional<PathMtu> lookup(NetNamespace ns, Ipv4Address dst, long nowNs) {
    Map<Ipv4Address, PathMtu> entries = byNetns.get(ns);
    if (entries == null) {
      return Optional.empty();
    }
    PathMtu found = entries.get(dst);
    if (found != null && found.expiresNs() <= nowNs) {
      entries.remove(dst);
      return Optional.empty();
    }
    return Optional.ofNullable(found);
  }

  /**
   * Records the MTU an ICMP "fragmentation needed" reported, as __ip_rt_update_pmtu does: never
   * above the current path MTU, never below {@code min_pmtu} (552), and the expiry restarts.
   * Returns the MTU now in force.
   */
  int learn(NetNamespace ns, Ipv4Address dst, int reported, int linkMtu, long nowNs) {
    int current = lookup(ns, dst, nowNs).map(PathMtu::mtu).orElse(linkMtu);
    int mtu = reported < MIN_PMTU ? Math.min(current, MIN_PMTU) : reported;
    if (mtu > current) {
      return current;
    }
    byNetns
        .computeIfAbsent(ns, k -> new TreeMap<>())
        .put(dst, new PathMtu(mtu, nowNs + EXPIRES_NS));
    return mtu;
  }
}
