package io.packetwalk.engine;

import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.OpaqueData;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VxlanPayload;

/** The words the trace uses for kernel things: entries as the tools print them, short names. */
final class Texts {

  private Texts() {}

  /** A namespace as a learner reads it: "ns1", or "host1 (root)". */
  static String name(NetNamespace ns) {
    return ns.displayName();
  }

  /** A device with its namespace: "veth1 in ns1". */
  static String name(NetDevice dev) {
    return dev.name() + " in " + dev.netns().displayName();
  }

  /** An {@code ip neigh} line (without the trailing space iproute2 prints). */
  static String neighLine(NeighbourEntry entry) {
    StringBuilder out = new StringBuilder();
    out.append(entry.address()).append(" dev ").append(entry.device().name());
    boolean valid = entry.state() != NudState.INCOMPLETE && entry.state() != NudState.FAILED;
    if (valid && entry.lladdr() != null) {
      out.append(" lladdr ").append(entry.lladdr());
    }
    return out.append(' ').append(entry.state()).toString();
  }

  /** A {@code bridge fdb} line for a learned or static entry. */
  static String fdbLine(FdbEntry entry, NetDevice bridge) {
    String line =
        entry.mac()
            + " dev "
            + entry.port().name()
            + (entry.vlan() == 0 ? "" : " vlan " + entry.vlan())
            + " master "
            + bridge.name();
    return switch (entry.type()) {
      case DYNAMIC -> line;
      case STATIC -> line + " static";
      case LOCAL -> line + " permanent";
    };
  }

  /**
   * A route in a learner's words, close to {@code ip route}: "the connected route 10.0.0.0/24 dev
   * veth1", "the route default via 10.0.1.1 dev eth0", "the local route 10.0.0.2 dev veth2 (table
   * local)", "the unreachable route 203.0.113.0/24".
   */
  static String matched(Route route) {
    boolean connected =
        route.protocol() == RouteProtocol.KERNEL
            && route.type() == RouteType.UNICAST
            && route.gateway() == null
            && route.table() == Route.TABLE_MAIN;
    String kind =
        connected
            ? "connected "
            : route.type() == RouteType.UNICAST ? "" : route.type().word() + " ";
    StringBuilder out = new StringBuilder("the ").append(kind).append("route ");
    Ipv4Prefix destination = route.destination();
    out.append(
        destination.length() == 0
            ? "default"
            : destination.length() == 32
                ? destination.address().toString()
                : destination.toString());
    if (route.gateway() != null) {
      out.append(" via ").append(route.gateway());
    }
    if (route.device() != null) {
      out.append(" dev ").append(route.device().name());
    }
    if (route.table() == Route.TABLE_LOCAL) {
      out.append(" (table local)");
    }
    return out.toString();
  }

  /** What a packet is, in a few words: "ICMP echo request 1", "TCP SYN 40312 → 80". */
  static String what(Ipv4Packet packet) {
    return switch (packet.payload()) {
      case IcmpMessage icmp when icmp.isEcho() ->
          "ICMP " + icmp.description() + " (id " + icmp.id() + ", seq " + icmp.sequence() + ")";
      case IcmpMessage icmp -> "ICMP " + icmp.description();
      case TcpSegment tcp -> "TCP " + tcpFlags(tcp) + " " + tcp.srcPort() + " → " + tcp.dstPort();
      case UdpDatagram udp -> "UDP " + udp.srcPort() + " → " + udp.dstPort() + carried(udp);
    };
  }

  /**
   * What a datagram wraps, when it wraps a packet: " (VXLAN VNI 1)", " (carrying an IP packet)".
   */
  private static String carried(UdpDatagram udp) {
    return switch (udp.payload()) {
      case OpaqueData data -> "";
      case VxlanPayload vxlan -> " (VXLAN VNI " + vxlan.vni() + ")";
      case CarriedIpPacket ip -> " (carrying an IP packet)";
    };
  }

  private static String tcpFlags(TcpSegment tcp) {
    StringBuilder out = new StringBuilder();
    for (TcpSegment.Flag flag : TcpSegment.Flag.values()) {
      if (tcp.has(flag)) {
        out.append(out.isEmpty() ? "" : "+").append(flag.name());
      }
    }
    return out.toString();
  }

  static String seconds(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + " s";
    }
    return nanos / 1_000_000L + " ms";
  }
}
