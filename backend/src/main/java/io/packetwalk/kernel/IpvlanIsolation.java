package io.packetwalk.kernel;

/** How the ipvlans of one lower device reach each other (the IPVLAN_F_* flags). */
public enum IpvlanIsolation {
  /** They reach each other inside the kernel (the default). */
  BRIDGE,
  /** They never reach each other. */
  PRIVATE,
  /** Everything goes out of the lower device, even to a sibling. */
  VEPA;

  /** The word {@code ip link} reads and prints. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
