package io.packetwalk.trace;

/** What a trace step is. Learners read these one-line descriptions in the UI. */
public enum StepKind {
  /** A program (ping, nc) hands a new packet to its namespace's stack. */
  PACKET_CREATED,
  /** The routing table is consulted for the destination. */
  ROUTE_LOOKUP,
  /** The neighbour (ARP) cache is consulted for the next hop's MAC address. */
  NEIGH_LOOKUP,
  /** The packet waits in the neighbour queue while ARP resolves the next hop. */
  NEIGH_QUEUED,
  /** A neighbour entry changes state (INCOMPLETE, REACHABLE, STALE, FAILED…). */
  NEIGH_UPDATE,
  /** An ARP request is broadcast: who has this address? */
  ARP_REQUEST_SENT,
  /** An ARP reply is sent: this address is at this MAC. */
  ARP_REPLY_SENT,
  /** An ARP request is answered on behalf of another host (proxy ARP). */
  ARP_PROXY_REPLY,
  /** A device transmits a frame. */
  DEVICE_TX,
  /** A device receives a frame. */
  DEVICE_RX,
  /** The frame crosses a veth pair or a cable to the other end. */
  WIRE,
  /** A VXLAN device looks a destination MAC up in its forwarding table (or learns a sender). */
  VXLAN_FDB_LOOKUP,
  /** A tunnel device wraps the packet in outer headers (VXLAN: VXLAN, UDP and IPv4). */
  ENCAPSULATE,
  /** A tunnel device takes the outer headers off and receives the inner packet. */
  DECAPSULATE,
  /**
   * A stacked device (macvlan, ipvlan, vlan) passes the frame it sends to its lower device, or
   * straight to a sibling on the same lower device.
   */
  STACKED_TX,
  /**
   * A lower device's receive handler hands a frame to the stacked device it is for (by MAC, IP
   * address or VLAN tag).
   */
  STACKED_RX,
  /** A bridge learns which port a source MAC lives behind. */
  BRIDGE_LEARN,
  /** A bridge forwards a frame out of the one port its FDB names. */
  BRIDGE_FORWARD,
  /** A bridge floods a frame out of every other port (broadcast or unknown destination). */
  BRIDGE_FLOOD,
  /** A bridge forgets MAC addresses it has not seen for its ageing time (300 s by default). */
  BRIDGE_AGEING,
  /**
   * A bridge that filters VLANs placed a frame in a VLAN on the way in (its tag, or the port's
   * PVID) or tagged or untagged it on the way out, as the port's VLAN settings say.
   */
  BRIDGE_VLAN,
  /** A bridge passes a frame up to its own IP stack. */
  BRIDGE_LOCAL_IN,
  /** The destination is local: the packet goes up to the local stack. */
  LOCAL_DELIVER,
  /** The destination is elsewhere and forwarding is on: the packet is routed on. */
  FORWARD,
  /**
   * The packet is bigger than the next link's MTU and leaves as fragments (reassembled at the end).
   */
  FRAGMENT,
  /** The TTL is decremented on forwarding. */
  TTL_DECREMENT,
  /** The reverse-path filter checks the route back to the source. */
  RP_FILTER_CHECK,
  /** A program receives a packet on its socket (ping gets its reply, nc its connection). */
  SOCKET_DELIVER,
  /** A user-space process reads a packet from a socket or file descriptor: it leaves the kernel. */
  USERSPACE_READ,
  /**
   * A user-space process writes a packet to a socket or file descriptor: it re-enters the kernel.
   */
  USERSPACE_WRITE,
  /** The kernel answers with an ICMP message (echo reply or an error). */
  ICMP_SENT,
  /** The kernel answers a TCP segment (a reset, or a handshake step). */
  TCP_SENT,
  /** The packet reaches a netfilter hook; the tables registered there run in priority order. */
  NF_HOOK,
  /** The packet walks a table's chain (or comes back to it from a user chain). */
  NF_CHAIN,
  /** A run of rules that did not match, folded into one step (their text is in the details). */
  NF_RULES_SKIPPED,
  /** A rule matched: its target acts (a jump, a mark, a log line, or the verdict). */
  NF_RULE_MATCH,
  /** A chain ended with a verdict: ACCEPT, or the built-in chain's policy. */
  NF_VERDICT,
  /** NAT rewrote the packet's addresses or ports (the step before shows them unchanged). */
  NAT_REWRITE,
  /** Conntrack looked the packet up and found its connection (or found it invalid). */
  CT_LOOKUP,
  /** Conntrack starts tracking a new connection (unconfirmed until the packet leaves the hooks). */
  CT_NEW,
  /** Conntrack confirms a new connection: its entry enters the table. */
  CT_CONFIRM,
  /** The packet is dropped; the disposition says why. */
  DROP
}
