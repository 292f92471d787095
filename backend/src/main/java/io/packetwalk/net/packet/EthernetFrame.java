package io.packetwalk.net.packet;

import io.packetwalk.net.MacAddress;

/**
 * An Ethernet II frame; 14 header bytes, 4 more when it carries an 802.1Q {@code vlan} tag (null
 * when untagged), plus the payload (no FCS, as tcpdump counts).
 */
public record EthernetFrame(MacAddress src, MacAddress dst, VlanTag vlan, EtherPayload payload)
    implements Packet {

  public static final int HEADER_LENGTH = 14;

  /** An untagged frame. */
  public EthernetFrame(MacAddress src, MacAddress dst, EtherPayload payload) {
    this(src, dst, null, payload);
  }

  public int length() {
    return HEADER_LENGTH + (vlan == null ? 0 : VlanTag.LENGTH) + payload.length();
  }

  public boolean isTagged() {
    return vlan != null;
  }

  public EthernetFrame withAddresses(MacAddress newSrc, MacAddress newDst) {
    return new EthernetFrame(newSrc, newDst, vlan, payload);
  }

  /** The same frame tagged with {@code tag}, or untagged when {@code tag} is null. */
  public EthernetFrame withVlan(VlanTag tag) {
    return new EthernetFrame(src, dst, tag, payload);
  }
}
