package io.packetwalk.lab;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;

/**
 * A forwarding entry added by hand. Without {@code dst}: a static bridge entry ({@code bridge fdb
 * add MAC dev PORT master static}): frames to {@code mac} leave through {@code device}, a port of a
 * bridge. With {@code dst}: a VXLAN device's entry ({@code bridge fdb append MAC dev VXLAN dst
 * IP}): frames to {@code mac} (all zeros: any unknown destination) are wrapped and sent to the VTEP
 * at {@code dst}. Learned entries age out and the ports' own (local) entries follow from their
 * MACs, so neither is stored.
 */
public record LabFdbEntry(MacAddress mac, String device, Ipv4Address dst) {

  public LabFdbEntry {
    if (mac == null) {
      throw new LabValueException("mac", "is required");
    }
    if (dst == null && (mac.isMulticast() || mac.isZero())) {
      throw new LabValueException("mac", mac + " is not a unicast MAC address");
    }
    Names.checkDevice("dev", device);
  }

  /** A static bridge entry. */
  public LabFdbEntry(MacAddress mac, String device) {
    this(mac, device, null);
  }
}
