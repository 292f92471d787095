package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.ToolFailure;

/**
 * The selectors of {@code ip route show|flush}: table (main unless given; "all" is 0), protocol,
 * scope, type, device, metric, gateway, preferred source, and the destination forms {@code root},
 * {@code match} and {@code exact} (the default).
 */
record RouteFilter(
    int table,
    RouteProtocol protocol,
    AddressScope scope,
    RouteType type,
    NetDevice dev,
    Long metric,
    Ipv4Prefix via,
    Ipv4Prefix src,
    Ipv4Prefix root,
    Ipv4Prefix match) {

  static RouteFilter parse(IprouteArgs args, IpContext ctx) {
    int table = Route.TABLE_MAIN;
    RouteProtocol protocol = null;
    AddressScope scope = null;
    RouteType type = null;
    String dev = null;
    Long metric = null;
    Ipv4Prefix via = null;
    Ipv4Prefix src = null;
    Ipv4Prefix root = null;
    Ipv4Prefix match = null;
    while (args.hasNext()) {
      String word = args.peek();
      if (IprouteArgs.matches(word, "table")) {
        String value = args.nextValue();
        if (value.equals("cache")) {
          throw IpLink.unsimulated("the route cache");
        }
        if (value.equals("help")) {
          throw IpUsage.of(IpUsage.ROUTE);
        }
        table =
            RouteWords.table(value)
                .orElseThrow(() -> IprouteArgs.invarg("table id value is invalid\n", value));
      } else if (IprouteArgs.matches(word, "cached") || IprouteArgs.matches(word, "cloned")) {
        throw IpLink.unsimulated("the route cache");
      } else if (IprouteArgs.matches(word, "protocol")) {
        String value = args.nextValue();
        if (!value.equals("all")) {
          protocol =
              RouteWords.protocol(value)
                  .orElseThrow(() -> IprouteArgs.invarg("invalid \"protocol\"\n", value));
        }
      } else if (IprouteArgs.matches(word, "scope")) {
        String value = args.nextValue();
        if (!value.equals("all")) {
          scope = RouteWords.scope(value);
          if (scope == null) {
            throw IprouteArgs.invarg("invalid \"scope\"\n", value);
          }
        }
      } else if (IprouteArgs.matches(word, "type")) {
        String value = args.nextValue();
        type =
            RouteWords.type(value)
                .orElseThrow(() -> IprouteArgs.invarg("node type value is invalid\n", value));
      } else if (word.equals("dev") || word.equals("oif")) {
        dev = args.nextValue();
      } else if (IprouteArgs.matches(word, "metric")
          || IprouteArgs.matches(word, "priority")
          || word.equals("preference")) {
        String value = args.nextValue();
        metric =
            LinkRequest.integer(value)
                .filter(n -> n >= 0)
                .map(Integer::longValue)
                .orElseThrow(() -> IprouteArgs.invarg("\"metric\" value is invalid\n", value));
      } else if (word.equals("via")) {
        String value = args.nextValue();
        if (value.equals("inet")) {
          value = args.nextValue();
        }
        via = InetArgs.prefix(value, InetArgs.Family.UNSPEC).prefix();
      } else if (word.equals("src")) {
        src = InetArgs.prefix(args.nextValue(), InetArgs.Family.UNSPEC).prefix();
      } else if (word.equals("iif")
          || word.equals("mark")
          || word.equals("tos")
          || IprouteArgs.matches(word, "from")
          || IprouteArgs.matches(word, "realms")
          || IprouteArgs.matches(word, "vrf")) {
        throw IpLink.unsimulated("\"" + word + "\" in route listings");
      } else {
        String value = IprouteArgs.matches(word, "to") ? args.nextValue() : word;
        if (IprouteArgs.matches(value, "root")) {
          root = prefix(args.nextValue());
        } else if (IprouteArgs.matches(value, "match")) {
          match = prefix(args.nextValue());
        } else {
          if (IprouteArgs.matches(value, "exact")) {
            value = args.nextValue();
          }
          Ipv4Prefix exact = prefix(value);
          root = exact;
          match = exact;
        }
      }
      args.skip();
    }
    NetDevice device = null;
    if (dev != null) {
      String name = dev;
      device = ctx.device(dev).orElseThrow(() -> IprouteArgs.nodev(name));
    }
    return new RouteFilter(table, protocol, scope, type, device, metric, via, src, root, match);
  }

  private static Ipv4Prefix prefix(String text) {
    if (InetArgs.looksLikeIpv6(text)) {
      throw new ToolFailure(2, "Packetwalk: IPv6 routes are not simulated");
    }
    return InetArgs.prefix(text, InetArgs.Family.UNSPEC).prefix();
  }

  boolean matches(Route r) {
    if (protocol != null && r.protocol() != protocol) {
      return false;
    }
    if (scope != null && r.scope() != scope) {
      return false;
    }
    if (type != null && r.type() != type) {
      return false;
    }
    if (dev != null && r.device() != dev) {
      return false;
    }
    if (metric != null && Integer.toUnsignedLong(r.metric()) != metric) {
      return false;
    }
    if (via != null && (r.gateway() == null || !via.contains(r.gateway()))) {
      return false;
    }
    if (src != null && (r.preferredSource() == null || !src.contains(r.preferredSource()))) {
      return false;
    }
    Ipv4Prefix dst = r.destination();
    if (root != null && (root.length() > dst.length() || !root.contains(dst.address()))) {
      return false;
    }
    return match == null || (match.length() >= dst.length() && dst.contains(match.address()));
  }

  /** What the filter fixes, so the listing leaves it out. */
  RouteFormatter.Hidden hidden() {
    return new RouteFormatter.Hidden(
        table != 0,
        dev != null,
        protocol != null,
        scope != null,
        metric != null,
        via != null && via.length() == 32);
  }
}
