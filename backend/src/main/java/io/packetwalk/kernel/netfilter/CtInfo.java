package io.packetwalk.kernel.netfilter;

/** How a packet relates to its conntrack entry (enum ip_conntrack_info), or that it has none. */
public enum CtInfo {
  /** Conntrack did not look at the packet (inactive in the namespace). */
  NONE,
  /** The first packet of a connection, or the original direction before any reply. */
  NEW,
  /** A packet of a connection that has seen traffic both ways, original direction. */
  ESTABLISHED,
  /** A packet in the reply direction. */
  ESTABLISHED_REPLY,
  /** A packet related to a known connection (an ICMP error about it). */
  RELATED,
  /** A related packet in the reply direction. */
  RELATED_REPLY,
  /** A packet conntrack cannot follow (a reset for no connection, a broken header). */
  INVALID,
  /** A packet exempted from tracking (NOTRACK, CT --notrack). */
  UNTRACKED;

  /** The state name {@code --ctstate} and {@code --state} use. */
  public String stateName() {
    return switch (this) {
      case NEW -> "NEW";
      case ESTABLISHED, ESTABLISHED_REPLY -> "ESTABLISHED";
      case RELATED, RELATED_REPLY -> "RELATED";
      case INVALID, NONE -> "INVALID";
      case UNTRACKED -> "UNTRACKED";
    };
  }

  public boolean isReply() {
    return this == ESTABLISHED_REPLY || this == RELATED_REPLY;
  }
}
