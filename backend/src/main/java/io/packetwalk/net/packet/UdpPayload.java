package io.packetwalk.net.packet;

/**
 * What a UDP datagram carries: opaque application data, a VXLAN header with an inner Ethernet
 * frame, or a whole IPv4 packet (flannel's UDP backend writes the packet it read from its TUN
 * device as the datagram's data).
 */
public sealed interface UdpPayload permits OpaqueData, VxlanPayload, CarriedIpPacket {

  /** Bytes after the UDP header. */
  int length();
}
