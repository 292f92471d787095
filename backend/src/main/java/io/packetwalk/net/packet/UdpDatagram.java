package io.packetwalk.net.packet;

/** A UDP datagram: 8 header bytes and its {@code payload}. */
public record UdpDatagram(int srcPort, int dstPort, UdpPayload payload) implements IpPayload {

  public static final int HEADER_LENGTH = 8;

  public UdpDatagram {
    if (srcPort < 0 || srcPort > 0xffff || dstPort < 0 || dstPort > 0xffff) {
      throw new IllegalArgumentException(
          "UDP ports " + srcPort + ", " + dstPort + " not in 0..65535");
    }
  }

  /** A datagram carrying {@code dataLength} bytes of application data. */
  public UdpDatagram(int srcPort, int dstPort, int dataLength) {
    this(srcPort, dstPort, new OpaqueData(dataLength));
  }

  /** Bytes of data after the header (what tcpdump prints as "UDP, length N"). */
  public int dataLength() {
    return payload.length();
  }

  /** The same datagram with other ports (NAT). */
  public UdpDatagram withPorts(int newSrcPort, int newDstPort) {
    return new UdpDatagram(newSrcPort, newDstPort, payload);
  }

  @Override
  public String protocolName() {
    return "UDP";
  }

  @Override
  public int protocolNumber() {
    return 17;
  }

  @Override
  public int length() {
    return HEADER_LENGTH + dataLength();
  }
}
