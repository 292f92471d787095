package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.Fib;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.Sysctls;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.List;
import java.util.Optional;

/**
 * {@code ip route get ADDR [from ADDR] [iif DEV] [oif DEV]}: the kernel's answer for a locally sent
 * packet (ip_route_output_key: source selection, "local" results over lo, on-link guess when an oif
 * has no route) or, with {@code iif}, for a received one (ip_route_input_slow: forwarding switch,
 * reverse-path filter, the errors of reject routes).
 */
final class RouteGet {

  /** A resolved route as rt_fill_info() reports it. */
  private record Answer(
      RouteType type,
      Ipv4Address gateway,
      NetDevice dev,
      Ipv4Address prefsrc,
      boolean local,
      boolean broadcast) {}

  private final IpContext ctx;

  RouteGet(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (ctx.options().family() == IpOptions.Family.INET6) {
      throw IpLink.unsimulated("IPv6 routes");
    }
    Ipv4Address dst = null;
    Ipv4Address from = null;
    int fromLength = 32;
    // req.r.rtm_family: the first address parsed fixes the family later ones are read in
    InetArgs.Family family = InetArgs.Family.UNSPEC;
    String iif = null;
    String oif = null;
    while (args.hasNext()) {
      String word = args.peek();
      if (IprouteArgs.matches(word, "from")) {
        String value = args.nextValue();
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.ROUTE);
        }
        InetArgs.Parsed parsed = InetArgs.prefix(value, family);
        family = InetArgs.Family.INET;
        from = parsed.address();
        fromLength = parsed.length();
      } else if (IprouteArgs.matches(word, "iif")) {
        iif = args.nextValue();
      } else if (IprouteArgs.matches(word, "oif") || word.equals("dev")) {
        oif = args.nextValue();
      } else if (IprouteArgs.matches(word, "connected")
          || IprouteArgs.matches(word, "fibmatch")
          || IprouteArgs.matches(word, "mark")
          || IprouteArgs.matches(word, "uid")
          || IprouteArgs.matches(word, "vrf")
          || IprouteArgs.matches(word, "notify")
          || word.equals("tos")
          || word.equals("sport")
          || word.equals("dport")
          || word.equals("ipproto")) {
        throw IpLink.unsimulated("\"" + word + "\" in ip route get");
      } else {
        String value = word.equals("to") ? args.nextValue() : word;
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.ROUTE);
        }
        if (InetArgs.looksLikeIpv6(value)) {
          throw IpLink.unsimulated("IPv6 routes");
        }
        InetArgs.Parsed parsed = InetArgs.prefix(value, family);
        family = InetArgs.Family.INET;
        if (parsed.length() != 32) {
          ctx.tool()
              .errln(
                  "Warning: /"
                      + parsed.length()
                      + " as prefix is invalid, only /32 (or none) is supported.");
        }
        dst = parsed.address();
      }
      args.skip();
    }
    if (dst == null) {
      throw new ToolFailure(1, "need at least a destination address");
    }
    NetDevice in = iif == null ? null : device(iif);
    NetDevice out = oif == null ? null : device(oif);
    if (from != null && from.isZero() && fromLength == 32) {
      from = null; // RTA_SRC 0.0.0.0 is no source at all (inet_rtm_getroute)
    }
    Answer answer;
    try {
      if (fromLength != 32 && fromLength != 0) {
        // inet_rtm_valid_getroute_req(): a route get names single addresses only
        throw new KernelException(
            Errno.EINVAL, "ipv4: Invalid values in header for route get request");
      }
      answer = in != null ? input(dst, from, in) : output(dst, from, out);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    print(dst, from, in, answer);
    return 0;
  }

  private NetDevice device(String name) {
    return ctx.device(name).orElseThrow(() -> IprouteArgs.nodev(name));
  }

  private Fib fib() {
    return ctx.netns().fib();
  }

  // ---- output routes ----

  /**
   * ip_route_output_key_hash_rcu(): a source given must be an address of this namespace
   * (ENETUNREACH otherwise; EINVAL for multicast, broadcast and 0.0.0.0/8); the limited broadcast
   * with a source and no oif leaves through the device that has the source.
   */
  private Answer output(Ipv4Address dst, Ipv4Address from, NetDevice oif) {
    if (from != null) {
      if (from.isMulticast() || from.isLimitedBroadcast() || isZeroNet(from)) {
        throw new KernelException(Errno.EINVAL);
      }
      Optional<NetDevice> owner = deviceWithAddress(from);
      if (owner.isEmpty()) {
        throw new KernelException(Errno.ENETUNREACH);
      }
      if (oif == null && dst.isLimitedBroadcast()) {
        return new Answer(RouteType.BROADCAST, null, owner.get(), from, true, true);
      }
    }
    if (oif != null && !oif.isAdminUp()) {
      throw new KernelException(Errno.ENETUNREACH);
    }
    NetDevice lo = ctx.netns().loopback();
    if (dst.isZero()) {
      Ipv4Address self = from != null ? from : Ipv4Address.of(127, 0, 0, 1);
      return new Answer(RouteType.LOCAL, null, lo, self, true, false);
    }
    Optional<Route> found = fib().lookup(dst, oif);
    if (found.isEmpty()) {
      if (oif != null) {
        Ipv4Address src =
            from != null ? from : fib().selectSource(oif, null, AddressScope.LINK).orElse(null);
        return new Answer(RouteType.UNICAST, null, oif, src, false, false);
      }
      throw new KernelException(Errno.ENETUNREACH);
    }
    Route r = found.get();
    rejectError(r.type());
    return switch (r.type()) {
      case LOCAL -> {
        Ipv4Address src =
            from != null ? from : r.preferredSource() != null ? r.preferredSource() : dst;
        yield new Answer(RouteType.LOCAL, null, lo, src, true, false);
      }
      case BROADCAST -> {
        Ipv4Address src = from != null ? from : r.preferredSource();
        yield new Answer(RouteType.BROADCAST, null, r.device(), src, true, true);
      }
      default -> {
        Ipv4Address src = from != null ? from : preferredSource(r);
        yield new Answer(RouteType.UNICAST, r.gateway(), r.device(), src, false, false);
      }
    };
  }

  /** ipv4_is_zeronet(): 0.0.0.0/8. */
  private static boolean isZeroNet(Ipv4Address address) {
    return address.octet(0) == 0;
  }

  /** __ip_dev_find(): the device that has the address, if any does. */
  private Optional<NetDevice> deviceWithAddress(Ipv4Address address) {
    for (NetDevice dev : ctx.netns().devices()) {
      if (dev.addresses().stream().anyMatch(a -> a.local().equals(address))) {
        return Optional.of(dev);
      }
    }
    return Optional.empty();
  }

  /** fib_result_prefsrc(): the route's src, else an address of the out device fit for the hop. */
  private Ipv4Address preferredSource(Route r) {
    if (r.preferredSource() != null) {
      return r.preferredSource();
    }
    AddressScope nextHopScope = r.gateway() != null ? AddressScope.LINK : AddressScope.HOST;
    return fib().selectSource(r.device(), r.gateway(), nextHopScope).orElse(null);
  }

  private static void rejectError(RouteType type) {
    switch (type) {
      case UNREACHABLE -> throw new KernelException(Errno.EHOSTUNREACH);
      case PROHIBIT -> throw new KernelException(Errno.EACCES);
      case BLACKHOLE -> throw new KernelException(Errno.EINVAL);
      default -> {}
    }
  }

  // ---- input routes ----

  private Answer input(Ipv4Address dst, Ipv4Address from, NetDevice iif) {
    Ipv4Address src = from == null ? Ipv4Address.ANY : from;
    if (src.isMulticast() || src.isLimitedBroadcast() || src.isZero() || dst.isZero()) {
      throw new KernelException(Errno.EINVAL);
    }
    NetNamespace ns = ctx.netns();
    boolean localnet = ns.sysctls().conf(iif, "route_localnet") != 0;
    if ((dst.isLoopback() || src.isLoopback()) && !localnet) {
      throw new KernelException(Errno.EINVAL);
    }
    boolean forwarding = ns.sysctls().conf(iif, "forwarding") != 0;
    Optional<Route> found = fib().lookup(dst, null);
    if (found.isEmpty()) {
      throw new KernelException(forwarding ? Errno.ENETUNREACH : Errno.EHOSTUNREACH);
    }
    Route r = found.get();
    if (r.type().isReject()) {
      if (!forwarding) {
        throw new KernelException(Errno.EHOSTUNREACH);
      }
      rejectError(r.type());
      throw new KernelException(Errno.ENETUNREACH);
    }
    NetDevice lo = ns.loopback();
    if (r.type() == RouteType.BROADCAST) {
      return new Answer(RouteType.BROADCAST, null, lo, null, true, true);
    }
    if (r.type() == RouteType.LOCAL) {
      validateSource(src, iif);
      return new Answer(RouteType.LOCAL, null, lo, null, true, false);
    }
    if (!forwarding) {
      throw new KernelException(Errno.EHOSTUNREACH);
    }
    validateSource(src, iif);
    return new Answer(RouteType.UNICAST, r.gateway(), r.device(), null, false, false);
  }

  /** fib_validate_source(): the reverse-path filter, and no packets "from" our own addresses. */
  private void validateSource(Ipv4Address src, NetDevice iif) {
    Sysctls sysctls = ctx.netns().sysctls();
    int rpf = Math.max(sysctls.confAll("rp_filter"), sysctls.conf(iif, "rp_filter"));
    boolean acceptLocal = sysctls.conf(iif, "accept_local") != 0;
    if (rpf == 0) {
      if (!acceptLocal && fib().isLocal(src)) {
        throw new KernelException(Errno.EINVAL);
      }
      return;
    }
    Optional<Route> back = fib().lookup(src, null);
    if (back.isEmpty()) {
      throw new KernelException(Errno.EINVAL);
    }
    Route r = back.get();
    if (r.type() != RouteType.UNICAST && !(r.type() == RouteType.LOCAL && acceptLocal)) {
      throw new KernelException(Errno.EINVAL);
    }
    if (r.device() == iif) {
      return;
    }
    if (rpf == 1) {
      throw new KernelException(Errno.EINVAL);
    }
  }

  // ---- printing ----

  /** A route exception learned from "fragmentation needed": "expires Nsec mtu M". */
  private void pathMtu(IpPrinter p, Ipv4Address dst) {
    var learned = ctx.tool().traffic().simulator().pathMtu(ctx.netns(), dst);
    if (learned.isEmpty()) {
      return;
    }
    long left = Math.max(0, learned.get().expiresNs() - ctx.tool().world().now());
    p.number(Mode.ANY, "expires", "expires %dsec ", left / 1_000_000_000L);
    p.openJsonArray("metrics");
    p.openObject(null);
    p.number(Mode.ANY, "mtu", "mtu %d ", learned.get().mtu());
    p.closeObject();
    p.closeJsonArray();
  }

  private void print(Ipv4Address dst, Ipv4Address from, NetDevice iif, Answer a) {
    IpPrinter p = ctx.printer();
    p.openObject(null);
    if (a.type() != RouteType.UNICAST) {
      p.string(Mode.ANY, "type", "%s ", a.type().word());
    }
    p.string(Mode.ANY, "dst", "%s ", dst.toString());
    if (from != null) {
      p.string(Mode.ANY, "from", "from %s ", from.toString());
    }
    if (a.gateway() != null) {
      p.string(Mode.ANY, "gateway", "via %s ", a.gateway().toString());
    }
    p.string(Mode.ANY, "dev", "dev %s ", a.dev().name());
    if (iif == null && from == null && a.prefsrc() != null) {
      p.string(Mode.ANY, "prefsrc", "src %s ", a.prefsrc().toString());
    }
    p.openJsonArray("flags");
    p.closeJsonArray();
    if (iif == null) {
      p.number(Mode.ANY, "uid", "uid %d ", 0);
    }
    List<String> cacheFlags = new java.util.ArrayList<>();
    if (a.local()) {
      cacheFlags.add("local");
    }
    if (a.broadcast()) {
      cacheFlags.add("brd");
    }
    p.newline();
    p.openArray("cache", "    cache ");
    if (!cacheFlags.isEmpty()) {
      p.text("<");
      for (int i = 0; i < cacheFlags.size(); i++) {
        p.string(Mode.ANY, null, i < cacheFlags.size() - 1 ? "%s," : "%s> ", cacheFlags.get(i));
      }
    }
    p.closeArray("");
    if (iif == null && a.type() == RouteType.UNICAST) {
      pathMtu(p, dst);
    }
    if (iif != null) {
      p.string(Mode.ANY, "iif", "iif %s ", iif.name());
    }
    p.text("\n");
    p.closeObject();
    ctx.print(p.finish());
  }
}
