package io.packetwalk.kernel;

/** Route types (RTN_*), with the word iproute2 prints before a non-unicast route. */
public enum RouteType {
  /** A gateway or directly connected route (RTN_UNICAST). */
  UNICAST("unicast"),
  /** The destination is this host (RTN_LOCAL). */
  LOCAL("local"),
  /** A broadcast address: accepted locally and sent as link broadcast (RTN_BROADCAST). */
  BROADCAST("broadcast"),
  /** Silently discarded (RTN_BLACKHOLE). */
  BLACKHOLE("blackhole"),
  /** Refused with ICMP host unreachable / EHOSTUNREACH (RTN_UNREACHABLE). */
  UNREACHABLE("unreachable"),
  /** Refused with ICMP administratively prohibited / EACCES (RTN_PROHIBIT). */
  PROHIBIT("prohibit"),
  /** Lookup continues with the next policy rule (RTN_THROW). */
  THROW("throw");

  private final String word;

  RouteType(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** Whether a lookup that finds this route ends with an error instead of a next hop. */
  public boolean isReject() {
    return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT || this == THROW;
  }
}
