package io.packetwalk.lab;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;

/**
 * A route someone added ({@code ip route add}); the kernel's own routes (proto kernel: local,
 * broadcast and connected routes) are not stored, they follow from addresses and link state.
 *
 * @param table the table id (254 main, 255 local, 253 default)
 * @param gateway the next hop ({@code via}), or null
 * @param device the output device ({@code dev}), or null (reject routes)
 * @param source the preferred source address ({@code src}), or null
 */
public record LabRoute(
    int table,
    RouteType type,
    Ipv4Prefix destination,
    Ipv4Address gateway,
    String device,
    Ipv4Address source,
    int metric,
    AddressScope scope,
    RouteProtocol protocol,
    boolean onlink) {

  public LabRoute {
    if (table < 1) {
      throw new LabValueException("table", table + " is not a valid table id (1 or more)");
    }
    if (type == null) {
      throw new LabValueException("type", "is required");
    }
    if (destination == null) {
      throw new LabValueException("dst", "is required");
    }
    if (!destination.isHostBitsZero()) {
      throw new LabValueException(
          "dst",
          destination + " has host bits set; the route's network is " + destination.network());
    }
    if (device != null) {
      Names.checkDevice("dev", device);
    }
    if (metric < 0) {
      throw new LabValueException("metric", metric + " is negative");
    }
    if (scope == null) {
      throw new LabValueException("scope", "is required");
    }
    if (protocol == null) {
      throw new LabValueException("proto", "is required");
    }
    if (protocol == RouteProtocol.KERNEL) {
      throw new LabValueException(
          "proto",
          "routes of proto kernel are made by the kernel from addresses and link state; a lab"
              + " document does not keep them");
    }
    if (type.isReject() && gateway != null) {
      throw new LabValueException("via", "a " + type.word() + " route has no next hop");
    }
    if (type == RouteType.UNICAST && gateway == null && device == null) {
      throw new LabValueException("dev", "a unicast route needs a device or a gateway (via)");
    }
    if ((type == RouteType.LOCAL || type == RouteType.BROADCAST) && device == null) {
      throw new LabValueException("dev", "a " + type.word() + " route needs a device");
    }
    if (onlink && (gateway == null || device == null)) {
      throw new LabValueException("onlink", "onlink needs both a gateway (via) and a device (dev)");
    }
  }

  /** The table {@code ip route add} uses when none is given: local for local/broadcast routes. */
  public static int defaultTable(RouteType type) {
    return type == RouteType.LOCAL || type == RouteType.BROADCAST
        ? Route.TABLE_LOCAL
        : Route.TABLE_MAIN;
  }

  /**
   * The scope {@code ip route add} gives when none is given: host for local routes, link for
   * broadcast routes and for unicast routes without a gateway, global otherwise.
   */
  public static AddressScope defaultScope(RouteType type, Ipv4Address gateway) {
    return switch (type) {
      case LOCAL -> AddressScope.HOST;
      case BROADCAST -> AddressScope.LINK;
      case UNICAST -> gateway == null ? AddressScope.LINK : AddressScope.GLOBAL;
      default -> AddressScope.GLOBAL;
    };
  }
}
