package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;

/**
 * One route in one table. {@code destination} has its host bits cleared; {@code gateway}, {@code
 * device} and {@code preferredSource} may be null (reject routes have no device).
 */
public record Route(
    int table,
    RouteType type,
    Ipv4Prefix destination,
    Ipv4Address gateway,
    NetDevice device,
    RouteProtocol protocol,
    AddressScope scope,
    Ipv4Address preferredSource,
    int metric,
    boolean onlink) {

  public static final int TABLE_DEFAULT = 253;
  public static final int TABLE_MAIN = 254;
  public static final int TABLE_LOCAL = 255;

  public Route {
    if (!destination.isHostBitsZero()) {
      throw new IllegalArgumentException("route destination " + destination + " has host bits");
    }
  }

  /** Whether this route's next hop is on-link (no gateway): ARP for the destination itself. */
  public boolean isDirect() {
    return gateway == null;
  }

  /** The same key the kernel uses to find duplicates: table, prefix, TOS (0) and metric. */
  public boolean sameKey(Route other) {
    return table == other.table && destination.equals(other.destination) && metric == other.metric;
  }
}
