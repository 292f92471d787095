package io.packetwalk.net.packet;

/** A whole IPv4 packet as a datagram's data, the way flannel's UDP backend tunnels pod traffic. */
public record CarriedIpPacket(Ipv4Packet inner) implements UdpPayload {

  public CarriedIpPacket {
    if (inner == null) {
      throw new IllegalArgumentException("a carried packet is a packet");
    }
  }

  @Override
  public int length() {
    return inner.totalLength();
  }
}
