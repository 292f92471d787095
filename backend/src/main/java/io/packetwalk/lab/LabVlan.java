package io.packetwalk.lab;

import io.packetwalk.kernel.BridgeVlanRules;

/**
 * One VLAN a bridge port, or the bridge itself, is a member of ({@code bridge vlan add dev DEV vid
 * VID [pvid] [untagged] [self]}): whether it is the PVID untagged frames join, and whether frames
 * of it leave untagged.
 */
public record LabVlan(int vid, boolean pvid, boolean untagged) {

  public LabVlan {
    if (!BridgeVlanRules.validId(vid)) {
      throw new LabValueException("vid", vid + " is not a VLAN id (1 … 4094)");
    }
  }
}
