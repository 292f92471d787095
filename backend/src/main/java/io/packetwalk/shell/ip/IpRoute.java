package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.Fib;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.RoutingTable;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code ip route}: add, append, prepend, replace, change, delete, show/list, flush and get, with
 * iproute2's defaults (protocol boot, scope link without a gateway, table local for local and
 * broadcast routes) and the kernel's checks (a gateway must be on a connected route unless {@code
 * onlink}; a preferred source must be a local address).
 */
final class IpRoute {

  private final IpContext ctx;

  IpRoute(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return list(args, false);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return modify(args, Change.ADD);
    }
    if (IprouteArgs.matches(verb, "change") || verb.equals("chg")) {
      return modify(args, Change.CHANGE);
    }
    if (IprouteArgs.matches(verb, "replace")) {
      return modify(args, Change.REPLACE);
    }
    if (IprouteArgs.matches(verb, "prepend")) {
      return modify(args, Change.PREPEND);
    }
    if (IprouteArgs.matches(verb, "append")) {
      return modify(args, Change.APPEND);
    }
    if (IprouteArgs.matches(verb, "test")) {
      throw IpLink.unsimulated("ip route test");
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return modify(args, Change.DELETE);
    }
    if (IprouteArgs.matches(verb, "list")
        || IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")) {
      return list(args, false);
    }
    if (IprouteArgs.matches(verb, "get")) {
      return new RouteGet(ctx).run(args);
    }
    if (IprouteArgs.matches(verb, "flush")) {
      return list(args, true);
    }
    if (IprouteArgs.matches(verb, "save")
        || IprouteArgs.matches(verb, "restore")
        || IprouteArgs.matches(verb, "showdump")) {
      throw IpLink.unsimulated("ip route " + verb);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.of(IpUsage.ROUTE);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip route help\".");
  }

  private enum Change {
    ADD,
    CHANGE,
    REPLACE,
    PREPEND,
    APPEND,
    DELETE
  }

  // ---- add / change / replace / prepend / append / delete ----

  private int modify(IprouteArgs args, Change change) {
    boolean delete = change == Change.DELETE;
    boolean family6 = ctx.options().family() == IpOptions.Family.INET6;
    if (family6) {
      throw IpLink.unsimulated("IPv6 routes");
    }
    InetArgs.Family family = InetArgs.Family.UNSPEC;
    Ipv4Address source = null;
    Ipv4Address gateway = null;
    Long metric = null;
    AddressScope scope = null;
    RouteProtocol protocol = null;
    Integer table = null;
    String dev = null;
    boolean onlink = false;
    RouteType type = null;
    InetArgs.Parsed dst = null;
    while (args.hasNext()) {
      String word = args.peek();
      if (word.equals("src")) {
        source = InetArgs.address(args.nextValue(), family).address();
        family = InetArgs.Family.INET;
      } else if (word.equals("via")) {
        if (gateway != null) {
          throw IprouteArgs.invarg("use nexthop syntax to specify multiple via\n", word);
        }
        String value = args.nextValue();
        if (value.equals("inet")) {
          value = args.nextValue();
        } else if (value.equals("inet6")) {
          throw IpLink.unsimulated("IPv6 gateways");
        }
        gateway = InetArgs.address(value, family).address();
        family = InetArgs.Family.INET;
      } else if (IprouteArgs.matches(word, "metric")
          || IprouteArgs.matches(word, "priority")
          || word.equals("preference")) {
        String value = args.nextValue();
        metric =
            InetArgs.Strtoul.parse(value, 0).end() == value.length() && !value.isEmpty()
                ? InetArgs.Strtoul.parse(value, 0).value()
                : -1L;
        if (metric < 0 || metric > 0xffff_ffffL || value.startsWith("-")) {
          throw IprouteArgs.invarg("\"metric\" value is invalid\n", value);
        }
      } else if (word.equals("scope")) {
        String value = args.nextValue();
        scope = RouteWords.scope(value);
        if (scope == null) {
          throw IprouteArgs.invarg("invalid \"scope\" value\n", value);
        }
      } else if (IprouteArgs.matches(word, "onlink")) {
        onlink = true;
      } else if (IprouteArgs.matches(word, "protocol")) {
        String value = args.nextValue();
        protocol =
            RouteWords.protocol(value)
                .orElseThrow(() -> IpLink.unsimulated("route protocol \"" + value + "\""));
      } else if (IprouteArgs.matches(word, "table")) {
        String value = args.nextValue();
        table =
            RouteWords.table(value)
                .orElseThrow(() -> IprouteArgs.invarg("\"table\" value is invalid\n", value));
      } else if (word.equals("dev") || word.equals("oif")) {
        dev = args.nextValue();
      } else if (word.equals("from")
          || word.equals("tos")
          || IprouteArgs.matches(word, "dsfield")
          || word.equals("expires")
          || word.equals("mtu")
          || word.equals("advmss")
          || word.equals("hoplimit")
          || word.equals("nexthop")
          || word.equals("nhid")
          || word.equals("encap")
          || IprouteArgs.matches(word, "realms")
          || IprouteArgs.matches(word, "pref")
          || IprouteArgs.matches(word, "vrf")) {
        throw IpLink.unsimulated("\"" + word + "\" in routes");
      } else {
        String value = word.equals("to") ? args.nextValue() : word;
        if (!value.isEmpty() && (value.charAt(0) < '0' || value.charAt(0) > '9')) {
          java.util.Optional<RouteType> named = RouteWords.type(value);
          if (named.isPresent() || isOtherRouteType(value)) {
            if (named.isEmpty()) {
              throw IpLink.unsimulated("route type \"" + value + "\"");
            }
            type = named.get();
            value = args.nextValue();
          }
        }
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.ROUTE);
        }
        if (dst != null) {
          throw IprouteArgs.duparg2("to", value);
        }
        if (InetArgs.looksLikeIpv6(value)) {
          throw IpLink.unsimulated("IPv6 routes");
        }
        dst = InetArgs.prefix(value, family);
        family = InetArgs.Family.INET;
      }
      args.skip();
    }
    if (dst == null) {
      throw IpUsage.of(IpUsage.ROUTE);
    }
    NetDevice device = null;
    if (dev != null) {
      String name = dev;
      device = ctx.device(dev).orElseThrow(() -> IprouteArgs.nodev(name));
    }
    Ipv4Prefix destination = dst.prefix();
    if (!destination.isHostBitsZero()) {
      throw new ToolFailure(2, "Error: Invalid prefix for given prefix length.");
    }
    Fib fib = ctx.netns().fib();
    try {
      if (delete) {
        delete(fib, destination, table, type, scope, source, protocol, device, gateway, metric);
        return 0;
      }
      RouteType routeType = type == null ? RouteType.UNICAST : type;
      if (scope == null) {
        scope =
            switch (routeType) {
              case LOCAL -> AddressScope.HOST;
              case BROADCAST -> AddressScope.LINK;
              case UNICAST -> gateway == null ? AddressScope.LINK : AddressScope.GLOBAL;
              default -> AddressScope.GLOBAL;
            };
      }
      if (table == null) {
        table =
            routeType == RouteType.LOCAL || routeType == RouteType.BROADCAST
                ? Route.TABLE_LOCAL
                : Route.TABLE_MAIN;
      }
      if (source != null && !fib.isLocal(source)) {
        throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
      }
      boolean reject = routeType.isReject();
      Route route =
          new Route(
              table,
              routeType,
              destination,
              reject ? null : gateway,
              reject ? null : device,
              protocol == null ? RouteProtocol.BOOT : protocol,
              scope,
              source,
              metric == null ? 0 : (int) (long) metric,
              onlink);
      switch (change) {
        case ADD -> fib.add(route);
        case APPEND -> fib.append(route);
        case PREPEND -> fib.prepend(route);
        case REPLACE -> fib.replace(route);
        case CHANGE -> {
          if (fib.table(route.table()).routes().stream().noneMatch(route::sameKey)) {
            throw new KernelException(Errno.ENOENT);
          }
          fib.replace(route);
        }
        case DELETE -> throw new IllegalStateException("handled above");
      }
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  private static boolean isOtherRouteType(String word) {
    return switch (word) {
      case "multicast", "anycast", "nat", "xresolve" -> true;
      default -> false;
    };
  }

  /** fib_table_delete(): the first route matching every given attribute; ESRCH when none. */
  private static void delete(
      Fib fib,
      Ipv4Prefix destination,
      Integer table,
      RouteType type,
      AddressScope scope,
      Ipv4Address source,
      RouteProtocol protocol,
      NetDevice device,
      Ipv4Address gateway,
      Long metric) {
    int tableId = table == null ? Route.TABLE_MAIN : table;
    Predicate<Route> matcher =
        r ->
            r.destination().equals(destination)
                && (type == null || r.type() == type)
                && (scope == null || r.scope() == scope)
                && (source == null || source.equals(r.preferredSource()))
                && (protocol == null || r.protocol() == protocol)
                && (device == null || r.device() == device)
                && (gateway == null || gateway.equals(r.gateway()))
                && (metric == null || Integer.toUnsignedLong(r.metric()) == metric);
    fib.delete(tableId, matcher);
  }

  // ---- show / flush ----

  private int list(IprouteArgs args, boolean flush) {
    if (flush && !args.hasNext()) {
      throw new ToolFailure(255, "\"ip route flush\" requires arguments.");
    }
    RouteFilter filter = RouteFilter.parse(args, ctx);
    if (ctx.options().family() == IpOptions.Family.INET6) {
      ctx.print(ctx.printer().finish());
      return 0;
    }
    Fib fib = ctx.netns().fib();
    List<Route> matching = new ArrayList<>();
    for (RoutingTable table : fib.tables()) {
      if (filter.table() != 0 && table.id() != filter.table()) {
        continue;
      }
      for (Route r : table.routes()) {
        if (filter.matches(r)) {
          matching.add(r);
        }
      }
    }
    if (flush) {
      for (Route r : matching) {
        fib.delete(r.table(), candidate -> candidate == r);
      }
      return 0;
    }
    IpPrinter p = ctx.printer();
    RouteFormatter formatter = new RouteFormatter(ctx.options().details());
    for (Route r : matching) {
      formatter.print(p, r, filter.hidden());
    }
    ctx.print(p.finish());
    return 0;
  }
}
