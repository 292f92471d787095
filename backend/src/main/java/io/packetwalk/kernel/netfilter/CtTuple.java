package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import java.util.Optional;

/**
 * One direction of a connection as conntrack keys it: protocol, addresses and ports. For ICMP the
 * "ports" are the echo id (both) and the message type ({@code dstPort}), as the kernel keys echo
 * requests and replies by type, code and id.
 */
public record CtTuple(int protocol, Ipv4Address src, Ipv4Address dst, int srcPort, int dstPort) {

  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;

  /** The tuple of a packet; empty for ICMP messages that are not echo requests or replies. */
  public static Optional<CtTuple> of(Ipv4Packet packet) {
    return switch (packet.payload()) {
      case TcpSegment tcp ->
          Optional.of(new CtTuple(TCP, packet.src(), packet.dst(), tcp.srcPort(), tcp.dstPort()));
      case UdpDatagram udp ->
          Optional.of(new CtTuple(UDP, packet.src(), packet.dst(), udp.srcPort(), udp.dstPort()));
      case IcmpMessage icmp when icmp.isEcho() ->
          Optional.of(new CtTuple(ICMP, packet.src(), packet.dst(), icmp.id(), icmp.type()));
      case IcmpMessage icmp -> Optional.empty();
    };
  }

  /** The tuple a reply to this one carries: addresses and ports swapped, echo request → reply. */
  public CtTuple inverted() {
    if (protocol == ICMP) {
      int type = dstPort == IcmpMessage.ECHO_REQUEST ? IcmpMessage.ECHO_REPLY : dstPort;
      return new CtTuple(protocol, dst, src, srcPort, type);
    }
    return new CtTuple(protocol, dst, src, dstPort, srcPort);
  }

  /** The tuple with another source; for ICMP the port is the echo id. */
  public CtTuple withSource(Ipv4Address address, int port) {
    return new CtTuple(protocol, address, dst, port, dstPort);
  }

  /** The tuple with another destination; ICMP keeps its id (only SNAT may change that). */
  public CtTuple withDestination(Ipv4Address address, int port) {
    return protocol == ICMP
        ? new CtTuple(protocol, src, address, srcPort, dstPort)
        : new CtTuple(protocol, src, address, srcPort, port);
  }

  /** The port a NAT rewrite of the destination changes (the echo id for ICMP). */
  public int destinationPort() {
    return protocol == ICMP ? srcPort : dstPort;
  }

  public String protocolName() {
    return switch (protocol) {
      case TCP -> "tcp";
      case UDP -> "udp";
      case ICMP -> "icmp";
      default -> "unknown";
    };
  }

  /** The tuple as {@code conntrack -L} prints it: {@code src=… dst=… sport=… dport=…}. */
  public String describe() {
    if (protocol == ICMP) {
      return "src=" + src + " dst=" + dst + " type=" + dstPort + " code=0 id=" + srcPort;
    }
    return "src=" + src + " dst=" + dst + " sport=" + srcPort + " dport=" + dstPort;
  }
}
