package io.packetwalk.net.packet;

/**
 * A VXLAN header (RFC 7348: 8 bytes, flags 0x08 = "VNI valid", a 24-bit VNI) and the inner Ethernet
 * frame it wraps. With the outer IPv4 (20) and UDP (8) headers, VXLAN costs 50 bytes of MTU: 8 +
 * the inner frame's 14-byte Ethernet header + 20 + 8.
 */
public record VxlanPayload(int vni, EthernetFrame inner) implements UdpPayload {

  public static final int HEADER_LENGTH = 8;

  /** The flags byte: only I (the VNI is valid) is set. */
  public static final int FLAGS = 0x08;

  public static final int MAX_VNI = (1 << 24) - 1;

  /** The IANA port; Linux's default when {@code dstport} is not given is 8472 (as flannel's). */
  public static final int IANA_PORT = 4789;

  public static final int LINUX_PORT = 8472;

  /** Bytes VXLAN adds in front of an inner IP packet: outer IPv4, UDP, VXLAN, inner Ethernet. */
  public static final int OVERHEAD =
      Ipv4Packet.HEADER_LENGTH
          + UdpDatagram.HEADER_LENGTH
          + HEADER_LENGTH
          + EthernetFrame.HEADER_LENGTH;

  public VxlanPayload {
    if (vni < 0 || vni > MAX_VNI) {
      throw new IllegalArgumentException("VNI " + vni + " is not in 0..16777215");
    }
    if (inner == null) {
      throw new IllegalArgumentException("a VXLAN header wraps a frame");
    }
  }

  @Override
  public int length() {
    return HEADER_LENGTH + inner.length();
  }
}
