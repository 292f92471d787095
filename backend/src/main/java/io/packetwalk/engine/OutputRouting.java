package io.packetwalk.engine;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.net.Ipv4Address;
import java.util.Optional;

/**
 * The output routing decision for a packet this namespace sends (ip_route_output_key_hash): the
 * route, the device, the next hop whose MAC is needed, and the source address. Pure.
 */
final class OutputRouting {

  /** What kind of destination the lookup found. */
  enum Kind {
    /** Out of a device toward a next hop. */
    UNICAST,
    /** One of our own addresses: through {@code lo}. */
    LOCAL,
    /** A broadcast address. */
    BROADCAST,
    /** The lookup failed with {@code error}. */
    FAILED
  }

  /**
   * A decision: kind, the route (null when none matched), the device, the next hop, the source
   * address, the errno of a failure, and why (a clause for the trace).
   */
  record Decision(
      Kind kind,
      Route route,
      NetDevice device,
      Ipv4Address nextHop,
      Ipv4Address source,
      Errno error,
      String why) {

    /** Whether a packet can leave this way: out of a device, or back in through lo. */
    boolean canSend() {
      return kind == Kind.UNICAST || kind == Kind.LOCAL;
    }
  }

  /**
   * Routes {@code dst}; {@code src} is a source the sender already chose (or null) and {@code oif}
   * a device it is bound to (or null).
   */
  Decision decide(NetNamespace ns, Ipv4Address dst, Ipv4Address src, NetDevice oif) {
    if (oif != null && !oif.isAdminUp()) {
      return failed(null, Errno.ENETUNREACH, oif.name() + " is down");
    }
    Optional<Route> found = ns.fib().lookup(dst, oif);
    if (found.isEmpty()) {
      if (oif == null) {
        return failed(null, Errno.ENETUNREACH, "no route matches " + dst);
      }
      Ipv4Address source =
          src != null
              ? src
              : ns.fib().selectSource(oif, null, AddressScope.LINK).orElse(Ipv4Address.ANY);
      return new Decision(
          Kind.UNICAST,
          null,
          oif,
          dst,
          source,
          null,
          "no route via "
              + oif.name()
              + " matches, but the socket is bound to "
              + oif.name()
              + ", so the kernel assumes "
              + dst
              + " is on that link and ARPs for it");
    }
    Route route = found.get();
    String matched = describe(route);
    if (dst.isLimitedBroadcast()) {
      return new Decision(
          Kind.BROADCAST,
          route,
          route.device(),
          dst,
          src,
          null,
          dst + " is the limited broadcast address");
    }
    return switch (route.type()) {
      case BLACKHOLE -> failed(route, Errno.EINVAL, matched + ": a blackhole");
      case UNREACHABLE -> failed(route, Errno.EHOSTUNREACH, matched + ": an unreachable route");
      case PROHIBIT -> failed(route, Errno.EACCES, matched + ": a prohibit route");
      case LOCAL -> {
        Ipv4Address source =
            src != null ? src : route.preferredSource() != null ? route.preferredSource() : dst;
        yield new Decision(
            Kind.LOCAL,
            route,
            ns.loopback(),
            dst,
            source,
            null,
            matched
                + ": "
                + dst
                + " is one of "
                + Texts.name(ns)
                + "'s own addresses, so the packet loops back through lo");
      }
      case BROADCAST ->
          new Decision(
              Kind.BROADCAST,
              route,
              route.device(),
              dst,
              src,
              null,
              matched + ": a broadcast address");
      default -> {
        NetDevice dev = route.device();
        Ipv4Address source = src;
        if (source == null) {
          source =
              route.preferredSource() != null
                  ? route.preferredSource()
                  : ns.fib()
                      .selectSource(dev, route.gateway(), route.scope())
                      .orElse(Ipv4Address.ANY);
        }
        String hop =
            route.gateway() != null
                ? "so the next hop is the gateway " + route.gateway()
                : "so " + dst + " is on the link and " + Texts.name(ns) + " ARPs for it itself";
        yield new Decision(
            Kind.UNICAST,
            route,
            dev,
            route.gateway() != null ? route.gateway() : dst,
            source,
            null,
            matched + ", " + hop + " (out of " + dev.name() + ", source " + source + ")");
      }
    };
  }

  private static Decision failed(Route route, Errno error, String why) {
    return new Decision(Kind.FAILED, route, null, null, null, error, why);
  }

  private static String describe(Route route) {
    return Texts.matched(route) + " matches";
  }
}
