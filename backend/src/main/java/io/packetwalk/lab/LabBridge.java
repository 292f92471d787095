package io.packetwalk.lab;

import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.BridgeVlanRules;
import java.util.List;

/**
 * A bridge's own settings: the FDB ageing time in centiseconds (as {@code ip -d link} prints it),
 * spanning tree on or off, whether bridged IPv4 goes through iptables for this bridge ({@code
 * nf_call_iptables}) and, on a host whose kernel has bridge VLAN filtering, {@code vlan_filtering},
 * {@code vlan_default_pvid} and the bridge's own VLANs ({@code bridge vlan … self}; empty
 * elsewhere).
 */
public record LabBridge(
    int ageingTime,
    boolean stp,
    boolean nfCallIptables,
    boolean vlanFiltering,
    int defaultPvid,
    List<LabVlan> vlans) {

  /** A new bridge's settings. */
  public static final LabBridge DEFAULTS =
      new LabBridge(BridgeState.DEFAULT_AGEING_TIME_CS, false, false);

  /** A bridge without VLAN settings. */
  public LabBridge(int ageingTime, boolean stp, boolean nfCallIptables) {
    this(ageingTime, stp, nfCallIptables, false, BridgeState.DEFAULT_PVID, List.of());
  }

  /** The kernel's limits for ageing_time in centiseconds (10 s … 1,000,000 s, or 0 for never). */
  public static final int MAX_AGEING_TIME = 100_000_000;

  public LabBridge {
    vlans = LabVlans.check("vlans", vlans);
    if (defaultPvid != 0 && !BridgeVlanRules.validId(defaultPvid)) {
      throw new LabValueException(
          "defaultPvid", defaultPvid + " is not a VLAN id (1 … 4094), nor 0 for none");
    }
    if (ageingTime < 0 || ageingTime > MAX_AGEING_TIME) {
      throw new LabValueException(
          "ageingTime",
          ageingTime + " is not a valid ageing time (0 … " + MAX_AGEING_TIME + " centiseconds)");
    }
  }
}
