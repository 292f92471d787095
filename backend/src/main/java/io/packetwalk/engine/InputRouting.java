package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.Sysctls;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.trace.Disposition;
import java.util.Optional;

/**
 * The input routing decision for a received packet (ip_route_input_slow): martian checks, the route
 * lookup, the reverse-path filter (fib_validate_source) and the forwarding switch. Pure: it decides
 * and explains, the pipeline records and acts. ARP uses it too, as arp_process does.
 */
final class InputRouting {

  /** What the kernel does with the packet. */
  enum Verdict {
    /** For this host: local delivery. */
    LOCAL,
    /** A broadcast this host accepts. */
    BROADCAST,
    /** For elsewhere, and this host forwards. */
    FORWARD,
    /** Refused by routing: ip_error answers with ICMP {@code icmpCode}. */
    REFUSED,
    /** Dropped without a word. */
    DROP
  }

  /**
   * A decision: the verdict, the route found (may be null), why (a clause for the trace), the
   * disposition for refusals and drops, the ICMP destination-unreachable code for refusals, and the
   * reverse-path check's explanation (null when rp_filter is off).
   */
  record Decision(
      Verdict verdict,
      Route route,
      String why,
      Disposition disposition,
      int icmpCode,
      String rpCheck) {}

  Decision decide(NetDevice in, Ipv4Address src, Ipv4Address dst) {
    NetNamespace ns = in.netns();
    Sysctls sys = ns.sysctls();
    if (src.isMulticast() || src.isLimitedBroadcast()) {
      return drop(
          null,
          "its source " + src + " is a martian (multicast or broadcast)",
          Disposition.MARTIAN);
    }
    if (dst.isLimitedBroadcast()) {
      return src.isZero()
          ? accept(Verdict.BROADCAST, null, "it is a limited broadcast", null)
          : validate(in, src, null, Verdict.BROADCAST, null, "it is a limited broadcast");
    }
    if (src.isZero() || dst.isZero()) {
      return drop(null, "a 0.0.0.0 address is a martian here", Disposition.MARTIAN);
    }
    boolean localnet = sys.confAll("route_localnet") != 0 || sys.conf(in, "route_localnet") != 0;
    if (!localnet && (src.isLoopback() || dst.isLoopback())) {
      return drop(
          null,
          "127.0.0.0/8 addresses may not arrive on " + in.name() + " (martian)",
          Disposition.MARTIAN);
    }
    boolean forwarding = sys.conf(in, "forwarding") != 0;
    Optional<Route> found = ns.fib().lookup(dst);
    if (found.isEmpty() || found.get().type().isReject()) {
      Route route = found.orElse(null);
      String matched =
          route == null ? "no route matches " + dst : Texts.matched(route) + " matches";
      if (!forwarding) {
        return drop(
            route,
            dst
                + " is not a local address and "
                + Texts.name(ns)
                + " does not forward (forwarding is 0 on "
                + in.name()
                + ")",
            Disposition.FORWARDING_DISABLED);
      }
      if (route == null) {
        return new Decision(
            Verdict.REFUSED,
            null,
            matched,
            Disposition.NO_ROUTE,
            IcmpMessage.CODE_NET_UNREACHABLE,
            null);
      }
      return switch (route.type()) {
        case UNREACHABLE ->
            new Decision(
                Verdict.REFUSED,
                route,
                matched,
                Disposition.UNREACHABLE_ROUTE,
                IcmpMessage.CODE_HOST_UNREACHABLE,
                null);
        case PROHIBIT ->
            new Decision(
                Verdict.REFUSED,
                route,
                matched,
                Disposition.PROHIBITED_ROUTE,
                CODE_PKT_FILTERED,
                null);
        default ->
            drop(
                route,
                matched + ": a blackhole swallows the packet silently",
                Disposition.BLACKHOLE);
      };
    }
    Route route = found.get();
    String matched = Texts.matched(route) + " matches";
    if (route.type() == RouteType.BROADCAST) {
      return validate(
          in, src, null, Verdict.BROADCAST, route, matched + ": a broadcast for this link");
    }
    if (route.type() == RouteType.LOCAL) {
      return validate(
          in,
          src,
          null,
          Verdict.LOCAL,
          route,
          matched + ": " + dst + " is one of " + Texts.name(ns) + "'s own addresses");
    }
    if (!forwarding) {
      return drop(
          route,
          dst
              + " is not a local address and "
              + Texts.name(ns)
              + " does not forward (forwarding is 0 on "
              + in.name()
              + ")",
          Disposition.FORWARDING_DISABLED);
    }
    if (route.type() != RouteType.UNICAST) {
      return drop(
          route,
          matched + ", which is no unicast route (martian destination)",
          Disposition.MARTIAN);
    }
    return validate(
        in,
        src,
        route.device(),
        Verdict.FORWARD,
        route,
        matched + ": " + Texts.name(ns) + " forwards it out of " + route.device().name());
  }

  /** ICMP_PKT_FILTERED: what ip_error sends for a prohibit route. */
  static final int CODE_PKT_FILTERED = IcmpMessage.CODE_ADMIN_PROHIBITED;

  /**
   * fib_validate_source: with rp_filter off only a source that is one of our own addresses is
   * refused; otherwise the route back to the source must exist (loose, 2) and leave through the
   * interface the packet came in on (strict, 1). Effective value: max(conf.all, conf.IF).
   */
  private Decision validate(
      NetDevice in, Ipv4Address src, NetDevice oif, Verdict verdict, Route route, String why) {
    NetNamespace ns = in.netns();
    Sysctls sys = ns.sysctls();
    int rpf = Math.max(sys.confAll("rp_filter"), sys.conf(in, "rp_filter"));
    boolean acceptLocal = sys.confAll("accept_local") != 0 || sys.conf(in, "accept_local") != 0;
    boolean redirects = sys.confAll("send_redirects") != 0 || sys.conf(in, "send_redirects") != 0;
    if (rpf == 0 && (oif != in || !redirects)) {
      if (!acceptLocal && ns.fib().isLocal(src)) {
        return drop(
            route,
            "its source "
                + src
                + " is one of "
                + Texts.name(ns)
                + "'s own addresses (martian source)",
            Disposition.MARTIAN);
      }
      return accept(verdict, route, why, null);
    }
    String mode = rpf == 1 ? "strict" : "loose";
    Optional<Route> back = ns.fib().lookup(src).filter(r -> !r.type().isReject());
    if (back.isEmpty()) {
      if (rpf == 0) {
        return accept(verdict, route, why, null);
      }
      return rpDrop(
          route, "rp_filter=" + rpf + " (" + mode + "): there is no route back to " + src);
    }
    Route reverse = back.get();
    if (reverse.type() != RouteType.UNICAST
        && !(reverse.type() == RouteType.LOCAL && acceptLocal)) {
      return drop(
          route,
          "the route back to "
              + src
              + " is "
              + Texts.matched(reverse)
              + ", not unicast (martian source)",
          Disposition.MARTIAN);
    }
    String reverseRoute = "the route back to " + src + " is " + Texts.matched(reverse);
    if (reverse.device() == in) {
      return accept(
          verdict,
          route,
          why,
          rpf == 0
              ? null
              : "rp_filter="
                  + rpf
                  + " ("
                  + mode
                  + "): "
                  + reverseRoute
                  + ", the interface the packet came in on: it passes");
    }
    if (rpf == 0) {
      return accept(verdict, route, why, null);
    }
    if (in.addresses().isEmpty() || rpf == 1) {
      return rpDrop(
          route,
          "rp_filter="
              + rpf
              + " ("
              + mode
              + "): "
              + reverseRoute
              + ", not "
              + in.name()
              + " where the packet came in");
    }
    return accept(
        verdict,
        route,
        why,
        "rp_filter=2 (loose): " + reverseRoute + "; any route back will do: it passes");
  }

  private static Decision accept(Verdict verdict, Route route, String why, String rpCheck) {
    return new Decision(verdict, route, why, null, 0, rpCheck);
  }

  private static Decision drop(Route route, String why, Disposition disposition) {
    return new Decision(Verdict.DROP, route, why, disposition, 0, null);
  }

  private static Decision rpDrop(Route route, String rpCheck) {
    return new Decision(
        Verdict.DROP,
        route,
        "the reverse-path filter refuses it",
        Disposition.RP_FILTER,
        0,
        rpCheck);
  }
}
