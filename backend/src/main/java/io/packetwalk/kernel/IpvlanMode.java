package io.packetwalk.kernel;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the ipvlans of one lower device pick up frames (IPVLAN_MODE_*); one mode per lower device.
 */
public enum IpvlanMode {
  /** Layer 2: the ipvlans do ARP and see broadcasts; frames are handed out by destination IP. */
  L2("l2"),
  /**
   * Layer 3: no ARP (NOARP); what an ipvlan sends is routed out in its lower device's namespace.
   */
  L3("l3"),
  /** Layer 3 with the lower namespace's netfilter on the way in (l3s). */
  L3S("l3s");

  private final String word;

  IpvlanMode(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<IpvlanMode> fromWord(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
  }

  /** Whether the ipvlans of this mode do without ARP (IFF_NOARP). */
  public boolean noArp() {
    return this != L2;
  }
}
