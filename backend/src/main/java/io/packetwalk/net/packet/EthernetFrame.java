package io.packetwalk.net.packet;

import io.packetwalk.net.MacAddress;

/** An Ethernet II frame; 14 header bytes plus the payload (no FCS, as tcpdump counts). */
public record EthernetFrame(MacAddress src, MacAddress dst, EtherPayload payload)
    implements Packet {

  public static final int HEADER_LENGTH = 14;

  public int length() {
    return HEADER_LENGTH + payload.length();
  }

  public EthernetFrame withAddresses(MacAddress newSrc, MacAddress newDst) {
    return new EthernetFrame(newSrc, newDst, payload);
  }
}
