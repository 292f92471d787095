package io.packetwalk.lab;

import io.packetwalk.net.MacAddress;

/**
 * A static bridge forwarding entry ({@code bridge fdb add MAC dev PORT master static}): frames to
 * {@code mac} leave through {@code device}, a port of a bridge. Learned entries age out and the
 * ports' own (local) entries follow from their MACs, so neither is stored.
 */
public record LabFdbEntry(MacAddress mac, String device) {

  public LabFdbEntry {
    if (mac == null) {
      throw new LabValueException("mac", "is required");
    }
    if (mac.isMulticast() || mac.isZero()) {
      throw new LabValueException("mac", mac + " is not a unicast MAC address");
    }
    Names.checkDevice("dev", device);
  }
}
