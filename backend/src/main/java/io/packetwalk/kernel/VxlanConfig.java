package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;

/**
 * What {@code ip link add NAME type vxlan …} fixed for a VXLAN device (the kernel's struct
 * vxlan_config). Addresses are null when not given; {@code lower} is the underlay device named by
 * {@code dev}, or null.
 *
 * @param vni the 24-bit VXLAN network identifier
 * @param dstPort the UDP port VXLAN packets are sent to and received on
 * @param remote the default remote VTEP (unicast), or null
 * @param group the multicast group the device joins, or null
 * @param ttl the outer TTL, 0 for "auto" (the namespace's default TTL)
 * @param srcPortLow the outer source port range's low end (0 with {@code srcPortHigh} 0: the
 *     namespace's local port range)
 * @param ageingSeconds how long learned entries live
 */
public record VxlanConfig(
    int vni,
    int dstPort,
    Ipv4Address local,
    Ipv4Address remote,
    Ipv4Address group,
    NetDevice lower,
    boolean learning,
    boolean proxy,
    boolean l2miss,
    boolean l3miss,
    int ttl,
    int srcPortLow,
    int srcPortHigh,
    int ageingSeconds) {

  /** The largest VNI: 24 bits. */
  public static final int MAX_VNI = (1 << 24) - 1;

  /** The Linux default UDP port (IANA's is 4789): what flannel uses. */
  public static final int LINUX_DEFAULT_PORT = 8472;

  /** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14) bytes. */
  public static final int OVERHEAD = 50;

  public static final int DEFAULT_AGEING_SECONDS = 300;

  /** The remote the default (all-zeros) FDB entry is made for: {@code remote} or {@code group}. */
  public Ipv4Address defaultDestination() {
    return remote != null ? remote : group;
  }

  /** The configuration with the lower device replaced (used when a device moves). */
  public VxlanConfig withLower(NetDevice newLower) {
    return new VxlanConfig(
        vni,
        dstPort,
        local,
        remote,
        group,
        newLower,
        learning,
        proxy,
        l2miss,
        l3miss,
        ttl,
        srcPortLow,
        srcPortHigh,
        ageingSeconds);
  }
}
