package io.packetwalk.shell.ip;

/** The global options of {@code ip} that change what the objects print. */
record IpOptions(
    Family family,
    boolean details,
    boolean brief,
    boolean json,
    boolean pretty,
    boolean oneline,
    boolean stats) {

  /** {@code -f}/{@code -4}/{@code -6}/{@code -0}: the address family filter. */
  enum Family {
    /** No filter. */
    UNSPEC,
    /** {@code -4}: IPv4. */
    INET,
    /** {@code -6}: IPv6. */
    INET6,
    /** {@code -0}: link layer only. */
    PACKET,
    /** {@code -B}: bridge. */
    BRIDGE,
    /** {@code -M}: MPLS. */
    MPLS
  }

  static IpOptions defaults() {
    return new IpOptions(Family.UNSPEC, false, false, false, false, false, false);
  }

  IpOptions withFamily(Family value) {
    return new IpOptions(value, details, brief, json, pretty, oneline, stats);
  }

  IpOptions withDetails() {
    return new IpOptions(family, true, brief, json, pretty, oneline, stats);
  }

  IpOptions withBrief() {
    return new IpOptions(family, details, true, json, pretty, oneline, stats);
  }

  IpOptions withJson() {
    return new IpOptions(family, details, brief, true, pretty, oneline, stats);
  }

  IpOptions withPretty() {
    return new IpOptions(family, details, brief, json, true, oneline, stats);
  }

  IpOptions withOneline() {
    return new IpOptions(family, details, brief, json, pretty, true, stats);
  }

  IpOptions withStats() {
    return new IpOptions(family, details, brief, json, pretty, oneline, true);
  }

  /** Whether IPv4 addresses pass the family filter. */
  boolean showsInet() {
    return family == Family.UNSPEC || family == Family.INET;
  }

  /** Whether IPv6 addresses pass the family filter. */
  boolean showsInet6() {
    return family == Family.UNSPEC || family == Family.INET6;
  }
}
