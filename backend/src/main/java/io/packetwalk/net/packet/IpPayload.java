package io.packetwalk.net.packet;

/** What an IPv4 packet carries. */
public sealed interface IpPayload permits IcmpMessage, UdpDatagram, TcpSegment {

  /** The protocol name as tcpdump and the protocol print: ICMP, UDP or TCP. */
  String protocolName();

  /** IANA protocol number. */
  int protocolNumber();

  /** Bytes after the IPv4 header. */
  int length();
}
