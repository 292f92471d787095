package io.packetwalk.lab;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;

/**
 * An IPv4 address on a device, as {@code ip addr add PREFIX [brd B] [scope S] [label L] [metric M]}
 * gives it. {@code broadcast} may be null (none, as {@code ip addr add} leaves it without {@code
 * brd}). Whether an address is secondary is not stored: the kernel decides it from the order of
 * addresses on the device, which the document keeps.
 */
public record LabAddress(
    Ipv4Prefix prefix, Ipv4Address broadcast, AddressScope scope, String label, int metric) {

  public LabAddress {
    if (prefix == null) {
      throw new LabValueException("prefix", "is required");
    }
    if (scope == null) {
      throw new LabValueException("scope", "is required");
    }
    if (label == null || label.isEmpty() || label.length() > 15) {
      throw new LabValueException("label", "must be 1 to 15 characters");
    }
    if (metric < 0) {
      throw new LabValueException("metric", metric + " is negative");
    }
  }
}
