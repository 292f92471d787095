package io.packetwalk.net.packet;

/** A UDP datagram carrying {@code dataLength} bytes. */
public record UdpDatagram(int srcPort, int dstPort, int dataLength) implements IpPayload {

  public static final int HEADER_LENGTH = 8;

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
    return HEADER_LENGTH + dataLength;
  }
}
