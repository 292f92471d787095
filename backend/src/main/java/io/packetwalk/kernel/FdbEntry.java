package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;

/**
 * One bridge forwarding-database entry: frames to {@code mac} in VLAN {@code vlan} (0 when the
 * entry belongs to no VLAN) leave through {@code port}. Local entries are the ports' own MACs
 * (delivered up to the bridge); static entries were added by hand; dynamic ones were learned and
 * age out.
 */
public record FdbEntry(MacAddress mac, int vlan, NetDevice port, Type type, long updatedNs) {

  /** An entry outside any VLAN (vid 0), as every entry is on a bridge without VLAN filtering. */
  public FdbEntry(MacAddress mac, NetDevice port, Type type, long updatedNs) {
    this(mac, 0, port, type, updatedNs);
  }

  /** Whether this entry is the one for {@code mac} in VLAN {@code vid}. */
  public boolean is(MacAddress other, int vid) {
    return mac.equals(other) && vlan == vid;
  }

  /** How the entry came to be. */
  public enum Type {
    /** A port's own MAC: frames to it go up to the bridge device ("permanent" in bridge fdb). */
    LOCAL,
    /** Added with {@code bridge fdb add … static}; never ages. */
    STATIC,
    /** Learned from a received frame's source MAC; ages out after the ageing time. */
    DYNAMIC
  }
}
