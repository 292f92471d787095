package io.packetwalk.net.packet;

/** What an Ethernet frame carries. */
public sealed interface EtherPayload permits ArpPacket, Ipv4Packet {

  /** The EtherType name tcpdump and the protocol print: {@code ARP} or {@code IPv4}. */
  String etherTypeName();

  /** Bytes on the wire after the Ethernet header. */
  int length();
}
