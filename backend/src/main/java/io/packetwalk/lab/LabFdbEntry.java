package io.packetwalk.lab;

import io.packetwalk.kernel.BridgeVlanRules;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;

/**
 * A forwarding entry added by hand. Without {@code dst}: a static bridge entry ({@code bridge fdb
 * add MAC dev PORT master static}): frames to {@code mac} leave through {@code device}, a port of a
 * bridge. With {@code dst}: a VXLAN device's entry ({@code bridge fdb append MAC dev VXLAN dst
 * IP}): frames to {@code mac} (all zeros: any unknown destination) are wrapped and sent to the VTEP
 * at {@code dst}. Learned entries age out and the ports' own (local) entries follow from their
 * MACs, so neither is stored. {@code vlan} is the VLAN of a bridge entry (0: none; {@code bridge
 * fdb add … vlan N}).
 */
public record LabFdbEntry(MacAddress mac, String device, Ipv4Address dst, int vlan) {

  public LabFdbEntry {
    if (vlan != 0 && (dst != null || !BridgeVlanRules.validId(vlan))) {
      throw new LabValueException(
          "vlan",
          dst != null
              ? "a VXLAN entry has no VLAN"
              : vlan + " is not a VLAN id (1 … 4094), nor 0 for none");
    }
    if (mac == null) {
      throw new LabValueException("mac", "is required");
    }
    if (dst == null && (mac.isMulticast() || mac.isZero())) {
      throw new LabValueException("mac", mac + " is not a unicast MAC address");
    }
    Names.checkDevice("dev", device);
  }

  /** A VXLAN entry, or (dst null) a static bridge entry outside VLANs. */
  public LabFdbEntry(MacAddress mac, String device, Ipv4Address dst) {
    this(mac, device, dst, 0);
  }

  /** A static bridge entry outside VLANs. */
  public LabFdbEntry(MacAddress mac, String device) {
    this(mac, device, null, 0);
  }
}
