package io.packetwalk.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of a VLAN list: each VLAN once, ascending, at most one PVID. */
final class LabVlans {

  private LabVlans() {}

  static List<LabVlan> check(String field, List<LabVlan> vlans) {
    List<LabVlan> list = vlans == null ? List.of() : List.copyOf(vlans);
    Set<Integer> seen = new HashSet<>();
    int previous = 0;
    long pvids = list.stream().filter(LabVlan::pvid).count();
    for (LabVlan vlan : list) {
      if (!seen.add(vlan.vid()) || vlan.vid() < previous) {
        throw new LabValueException(field, "lists VLAN " + vlan.vid() + " twice or out of order");
      }
      previous = vlan.vid();
    }
    if (pvids > 1) {
      throw new LabValueException(field, "has " + pvids + " PVIDs; a port has at most one");
    }
    return list;
  }
}
