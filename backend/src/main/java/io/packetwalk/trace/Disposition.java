package io.packetwalk.trace;

/** How a packet's life ended; set on the last step of each packet. */
public enum Disposition {
  /** Reached a local socket or the ICMP/ARP handler of its destination. */
  DELIVERED,
  /** No route to the destination (ENETUNREACH, or ICMP net unreachable when forwarding). */
  NO_ROUTE,
  /** The matching route was a blackhole: dropped without a word. */
  BLACKHOLE,
  /** The matching route was unreachable: ICMP host unreachable / EHOSTUNREACH. */
  UNREACHABLE_ROUTE,
  /** The matching route was prohibit: ICMP administratively prohibited / EACCES. */
  PROHIBITED_ROUTE,
  /** Not for this host and forwarding (ip_forward) is off: dropped silently. */
  FORWARDING_DISABLED,
  /** Reverse-path filter: the route back to the source does not use the arrival interface. */
  RP_FILTER,
  /** ARP got no answer after the retries: queued packets dropped, sender told host unreachable. */
  NEIGH_FAILED,
  /** TTL reached zero on forwarding: dropped, ICMP time exceeded sent back. */
  TTL_EXCEEDED,
  /** Bigger than the outgoing MTU with Don't Fragment set: dropped, ICMP frag needed sent back. */
  FRAG_NEEDED,
  /**
   * Bigger than the path MTU with Don't Fragment set: the sender's own kernel refuses it
   * (EMSGSIZE).
   */
  TOO_BIG,
  /** Sent on a device that is down or has no carrier. */
  LINK_DOWN,
  /** A frame whose destination MAC is not this device's, and the device is not promiscuous. */
  NOT_FOR_US,
  /** The bridge would send the frame back out of the port it came in on (hairpin off). */
  BRIDGE_HAIRPIN,
  /**
   * A bridge that filters VLANs dropped the frame: its port (or the bridge itself) is not a member
   * of the frame's VLAN, or an untagged frame arrived on a port without a PVID.
   */
  BRIDGE_VLAN_FILTERED,
  /** No socket listens on the destination port: TCP reset or ICMP port unreachable sent. */
  PORT_CLOSED,
  /** An ICMP error or reply nobody was waiting for. */
  UNSOLICITED,
  /** Sent on a device that only swallows traffic (dummy). */
  DEVICE_DISCARD,
  /** The simulation's event budget ran out (a broadcast storm or a loop). */
  STORM_BUDGET,
  /** A netfilter rule or policy dropped the packet (DROP, or a chain's policy). */
  NF_DROP,
  /** A netfilter REJECT rule dropped the packet and answered with an ICMP error or a reset. */
  NF_REJECT,
  /** Conntrack could not insert the connection (a tuple clash or a full table). */
  CT_DROP,
  /** A VXLAN device had no forwarding entry (and no default one) for the destination MAC. */
  VXLAN_NO_FDB,
  /** A VXLAN packet named a VNI no device in that namespace has, or had no valid VXLAN header. */
  VXLAN_BAD_VNI,
  /** A user-space program read the packet and threw it away (flanneld knew no peer for it). */
  PROCESS_DISCARD,
  /** A martian: impossible source or destination address. */
  MARTIAN
}
