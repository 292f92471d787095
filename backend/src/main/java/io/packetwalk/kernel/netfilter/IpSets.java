package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A namespace's ipsets, by name, as {@code ipset} manages them and {@code -m set} reads them. */
public final class IpSets {

  private final Map<String, IpSet> sets = new TreeMap<>();

  public Optional<IpSet> get(String name) {
    return Optional.ofNullable(sets.get(name));
  }

  public void add(IpSet set) {
    sets.put(set.name(), set);
  }

  public void remove(String name) {
    sets.remove(name);
  }

  public Collection<IpSet> all() {
    return sets.values();
  }

  /** Whether the packet's fields named by {@code directions} (src/dst) are in the set. */
  public boolean contains(String name, List<String> directions, Ipv4Packet packet) {
    IpSet set = sets.get(name);
    if (set == null) {
      return false;
    }
    int[] ports = ports(packet);
    return set.containsPacket(directions, packet, ports[0], ports[1]);
  }

  private static int[] ports(Ipv4Packet packet) {
    return switch (packet.payload()) {
      case TcpSegment tcp -> new int[] {tcp.srcPort(), tcp.dstPort()};
      case UdpDatagram udp -> new int[] {udp.srcPort(), udp.dstPort()};
      default -> new int[] {-1, -1};
    };
  }
}
