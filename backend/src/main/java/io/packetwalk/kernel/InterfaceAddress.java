package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;

/**
 * An IPv4 address on a device ({@code inet 10.0.0.1/24 brd 10.0.0.255 scope global veth1}). A
 * secondary address shares its subnet with an earlier (primary) one on the same device.
 */
public record InterfaceAddress(
    Ipv4Prefix prefix,
    Ipv4Address broadcast,
    AddressScope scope,
    String label,
    boolean secondary,
    int metric) {

  public Ipv4Address local() {
    return prefix.address();
  }

  public boolean sameSubnet(Ipv4Address other) {
    return prefix.contains(other);
  }

  public InterfaceAddress withSecondary(boolean value) {
    return new InterfaceAddress(prefix, broadcast, scope, label, value, metric);
  }

  public InterfaceAddress withLabel(String value) {
    return new InterfaceAddress(prefix, broadcast, scope, value, secondary, metric);
  }
}
