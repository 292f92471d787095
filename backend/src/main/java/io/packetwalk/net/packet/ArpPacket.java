package io.packetwalk.net.packet;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;

/** An ARP request or reply for IPv4 over Ethernet (28 bytes). */
public record ArpPacket(
    Op op, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp)
    implements EtherPayload {

  /** The ARP operation. */
  public enum Op {
    /** "Who has targetIp? Tell senderIp." */
    REQUEST,
    /** "targetIp... senderIp is at senderMac." */
    REPLY
  }

  public static final int LENGTH = 28;

  @Override
  public String etherTypeName() {
    return "ARP";
  }

  @Override
  public int length() {
    return LENGTH;
  }
}
