package io.packetwalk.kernel;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * A VLAN group of a bridge port or of the bridge itself (net_bridge_vlan_group): the VLAN ids it is
 * a member of, in ascending order, whether each leaves untagged ("Egress Untagged"), and its PVID,
 * the VLAN an untagged frame arriving on it joins (0: none, so untagged frames are dropped).
 */
public final class BridgeVlans {

  private final TreeMap<Integer, Boolean> untagged = new TreeMap<>();
  private int pvid;

  public boolean isEmpty() {
    return untagged.isEmpty();
  }

  public boolean has(int vid) {
    return untagged.containsKey(vid);
  }

  /** The member VLAN ids, ascending. */
  public NavigableSet<Integer> vids() {
    return Collections.unmodifiableNavigableSet(untagged.navigableKeySet());
  }

  /** Whether frames of {@code vid} leave this member untagged. */
  public boolean untagged(int vid) {
    return untagged.getOrDefault(vid, false);
  }

  /** The PVID, or 0 when there is none. */
  public int pvid() {
    return pvid;
  }

  /**
   * __vlan_add() or, for a VLAN already there, __vlan_flags_update(): the flags of the request
   * replace the old ones, so adding a member VLAN again without {@code pvid} takes the PVID away
   * from it. True when the VLAN is new.
   */
  boolean add(int vid, boolean isPvid, boolean isUntagged) {
    boolean added = !untagged.containsKey(vid);
    untagged.put(vid, isUntagged);
    if (isPvid) {
      pvid = vid;
    } else if (pvid == vid) {
      pvid = 0;
    }
    return added;
  }

  /** __vlan_del(): false when {@code vid} was not a member. */
  boolean delete(int vid) {
    if (untagged.remove(vid) == null) {
      return false;
    }
    if (pvid == vid) {
      pvid = 0;
    }
    return true;
  }

  /** vlan_default_pvid(): {@code vid} is this group's PVID and leaves untagged. */
  boolean isDefaultPvid(int vid) {
    return vid != 0 && pvid == vid && untagged(vid);
  }
}
