package io.packetwalk.net.packet;

import io.packetwalk.net.Ipv4Address;

/** An IPv4 packet with a 20-byte header (no options). */
public record Ipv4Packet(
    Ipv4Address src, Ipv4Address dst, int ttl, int id, boolean dontFragment, IpPayload payload)
    implements EtherPayload, Packet {

  public static final int HEADER_LENGTH = 20;

  public Ipv4Packet {
    if (ttl < 0 || ttl > 255) {
      throw new IllegalArgumentException("TTL " + ttl + " is not in 0..255");
    }
  }

  public int totalLength() {
    return HEADER_LENGTH + payload.length();
  }

  @Override
  public int length() {
    return totalLength();
  }

  @Override
  public String etherTypeName() {
    return "IPv4";
  }

  public Ipv4Packet withTtl(int newTtl) {
    return new Ipv4Packet(src, dst, newTtl, id, dontFragment, payload);
  }

  public Ipv4Packet withSource(Ipv4Address newSrc) {
    return new Ipv4Packet(newSrc, dst, ttl, id, dontFragment, payload);
  }

  public Ipv4Packet withDestination(Ipv4Address newDst) {
    return new Ipv4Packet(src, newDst, ttl, id, dontFragment, payload);
  }

  public Ipv4Packet withPayload(IpPayload newPayload) {
    return new Ipv4Packet(src, dst, ttl, id, dontFragment, newPayload);
  }
}
