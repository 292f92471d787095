package io.packetwalk.net.packet;

/**
 * An 802.1Q tag (4 bytes after the source MAC: TPID 0x8100, then PCP, DEI and VID). VID 4095 is
 * reserved and 0 means "priority only", so a VLAN device takes 1..4094 but a tag may carry 0.
 */
public record VlanTag(int pcp, boolean dei, int vid) {

  public static final int LENGTH = 4;
  public static final int TPID = 0x8100;
  public static final int MAX_VID = 4094;

  public VlanTag {
    if (pcp < 0 || pcp > 7) {
      throw new IllegalArgumentException("PCP " + pcp + " is not in 0..7");
    }
    if (vid < 0 || vid > MAX_VID) {
      throw new IllegalArgumentException("VLAN id " + vid + " is not in 0..4094");
    }
  }

  /** A tag with priority 0 and DEI clear, as a VLAN device without egress-qos-map sends. */
  public static VlanTag of(int vid) {
    return new VlanTag(0, false, vid);
  }
}
