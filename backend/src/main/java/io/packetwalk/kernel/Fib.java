package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A namespace's forwarding information base: the routing tables, the kernel's own local, broadcast
 * and connected routes that follow addresses and link state, and route lookup (policy rules are the
 * three defaults: local, main, default).
 */
public final class Fib {

  /** The tables of the three default policy rules, in the order a lookup consults them. */
  private static final List<Integer> RULE_TABLES =
      List.of(Route.TABLE_LOCAL, Route.TABLE_MAIN, Route.TABLE_DEFAULT);

  private final NetNamespace netns;
  private final Map<Integer, RoutingTable> tables = new TreeMap<>();

  Fib(NetNamespace netns) {
    this.netns = netns;
    table(Route.TABLE_LOCAL);
    table(Route.TABLE_MAIN);
  }

  /** The table with this id, created empty on first use (as the kernel does). */
  public RoutingTable table(int id) {
    return tables.computeIfAbsent(id, RoutingTable::new);
  }

  public RoutingTable local() {
    return table(Route.TABLE_LOCAL);
  }

  public RoutingTable main() {
    return table(Route.TABLE_MAIN);
  }

  /** Tables that exist, ordered by id. */
  public List<RoutingTable> tables() {
    return List.copyOf(tables.values());
  }

  /** Routes of every table, in table-id order then dump order. */
  public List<Route> allRoutes() {
    List<Route> all = new ArrayList<>();
    tables.values().forEach(t -> all.addAll(t.routes()));
    return all;
  }

  // ---- administrative changes (ip route add/append/replace/del) ----

  /** {@code ip route add}: fails with EEXIST when a route with the same key exists. */
  public void add(Route requested) {
    Route route = validateNexthop(requested);
    RoutingTable table = table(route.table());
    if (table.routesTo(route.destination()).stream().anyMatch(route::sameKey)) {
      throw new KernelException(Errno.EEXIST);
    }
    table.prepend(route);
  }

  /** {@code ip route append}: adds after routes with the same key; fails only on an exact twin. */
  public void append(Route requested) {
    Route route = validateNexthop(requested);
    RoutingTable table = table(route.table());
    if (table.routesTo(route.destination()).contains(route)) {
      throw new KernelException(Errno.EEXIST);
    }
    table.insert(route);
  }

  /**
   * {@code ip route prepend}: adds before routes with the same key; fails only on an exact twin
   * (same key, type, scope and next hop).
   */
  public void prepend(Route requested) {
    Route route = validateNexthop(requested);
    RoutingTable table = table(route.table());
    if (table.routesTo(route.destination()).contains(route)) {
      throw new KernelException(Errno.EEXIST);
    }
    table.prepend(route);
  }

  /** {@code ip route replace}: replaces the first route with the same key, or adds. */
  public void replace(Route requested) {
    Route route = validateNexthop(requested);
    RoutingTable table = table(route.table());
    Optional<Route> existing =
        table.routesTo(route.destination()).stream().filter(route::sameKey).findFirst();
    if (existing.isPresent()) {
      table.replace(existing.get(), route);
    } else {
      table.prepend(route);
    }
  }

  /** {@code ip route del}: removes the first route matching; ESRCH when none does. */
  public Route delete(int tableId, Predicate<Route> matcher) {
    RoutingTable table = tables.get(tableId);
    Optional<Route> removed = table == null ? Optional.empty() : table.removeFirst(matcher);
    return removed.orElseThrow(() -> new KernelException(Errno.ESRCH));
  }

  /** Removes every route of a table matching the condition ({@code ip route flush}). */
  public int flush(int tableId, Predicate<Route> condition) {
    RoutingTable table = tables.get(tableId);
    return table == null ? 0 : table.removeIf(condition);
  }

  /**
   * fib_check_nh(): checks the next hop and returns the route with its device filled in (a gateway
   * route without {@code dev} goes out of the device of the connected route to the gateway).
   */
  private Route validateNexthop(Route route) {
    if (route.type() != RouteType.UNICAST) {
      return route;
    }
    NetDevice dev = route.device();
    if (route.gateway() == null) {
      if (dev == null) {
        throw new KernelException(Errno.ENODEV);
      }
      if (!dev.isAdminUp()) {
        throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
      }
      return route;
    }
    if (route.onlink()) {
      if (dev == null) {
        throw new KernelException(Errno.EINVAL, "Nexthop device required for onlink");
      }
      if (!dev.isAdminUp()) {
        throw new KernelException(Errno.ENETDOWN, "Nexthop device is not up");
      }
      return route;
    }
    Optional<Route> viaRoute = lookupScoped(route.gateway(), AddressScope.LINK, dev);
    if (viaRoute.isEmpty()
        || (viaRoute.get().type() != RouteType.UNICAST
            && viaRoute.get().type() != RouteType.LOCAL)) {
      throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
    }
    NetDevice resolved = viaRoute.get().device();
    if (dev != null && resolved != dev) {
      throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
    }
    if (resolved != null && !resolved.isAdminUp()) {
      throw new KernelException(Errno.ENETDOWN, "Nexthop device is not up");
    }
    if (dev != null || resolved == null) {
      return route;
    }
    return new Route(
        route.table(),
        route.type(),
        route.destination(),
        route.gateway(),
        resolved,
        route.protocol(),
        route.scope(),
        route.preferredSource(),
        route.metric(),
        route.onlink());
  }

  /** Lookup restricted to routes of at least {@code minScope} (link: connected/local only). */
  private Optional<Route> lookupScoped(Ipv4Address dst, AddressScope minScope, NetDevice dev) {
    for (int id : RULE_TABLES) {
      RoutingTable table = tables.get(id);
      if (table == null) {
        continue;
      }
      Optional<Route> best =
          table.bestMatch(
              dst,
              r ->
                  r.scope().number() >= minScope.number()
                      && (dev == null || r.device() == null || r.device() == dev));
      if (best.isPresent()) {
        return best;
      }
    }
    return Optional.empty();
  }

  // ---- lookup ----

  /**
   * The route the kernel picks for {@code dst}: tables local, main, default in turn; within a table
   * the longest prefix, then the lowest metric. When {@code oif} is given only routes out of that
   * device (and reject routes) qualify, as with {@code ping -I DEV}.
   */
  public Optional<Route> lookup(Ipv4Address dst, NetDevice oif) {
    for (int id : RULE_TABLES) {
      RoutingTable table = tables.get(id);
      if (table == null) {
        continue;
      }
      Optional<Route> best =
          table.bestMatch(dst, r -> oif == null || r.device() == null || r.device() == oif);
      if (best.isPresent() && best.get().type() != RouteType.THROW) {
        return best;
      }
    }
    return Optional.empty();
  }

  public Optional<Route> lookup(Ipv4Address dst) {
    return lookup(dst, null);
  }

  /** Whether {@code address} is one of this namespace's local addresses (a local route). */
  public boolean isLocal(Ipv4Address address) {
    return local().bestMatch(address, r -> r.type() == RouteType.LOCAL).isPresent();
  }

  /**
   * The source address for a packet leaving {@code dev} toward {@code dst} with a route of {@code
   * scope}: the first primary address of the device within that scope, preferring one on the same
   * subnet as {@code dst}; else any global address of the namespace (inet_select_addr).
   */
  public Optional<Ipv4Address> selectSource(NetDevice dev, Ipv4Address dst, AddressScope scope) {
    if (dev != null) {
      Ipv4Address candidate = null;
      for (InterfaceAddress address : dev.primaryAddresses()) {
        if (address.scope().number() > scope.number()) {
          continue;
        }
        if (dst == null || address.sameSubnet(dst)) {
          return Optional.of(address.local());
        }
        if (candidate == null) {
          candidate = address.local();
        }
      }
      if (candidate != null) {
        return Optional.of(candidate);
      }
    }
    for (NetDevice other : netns.devices()) {
      for (InterfaceAddress address : other.primaryAddresses()) {
        if (address.scope().number() < AddressScope.LINK.number()
            && address.scope().number() <= scope.number()) {
          return Optional.of(address.local());
        }
      }
    }
    return Optional.empty();
  }

  // ---- the kernel's own routes ----

  /** fib_add_ifaddr: the local route always; broadcast and connected routes when the link is up. */
  void addressAdded(NetDevice dev, InterfaceAddress address) {
    Ipv4Address primary = primaryFor(dev, address);
    addKernelRoute(
        Route.TABLE_LOCAL,
        RouteType.LOCAL,
        new Ipv4Prefix(address.local(), 32),
        dev,
        AddressScope.HOST,
        primary);
    if (!dev.isAdminUp()) {
      return;
    }
    addLinkRoutes(dev, address, primary);
  }

  private void addLinkRoutes(NetDevice dev, InterfaceAddress address, Ipv4Address primary) {
    linkRoutes(dev, address, primary, this::insertKernelRoute);
  }

  /** fib_add_ifaddr's broadcast and connected routes for one address of an up device. */
  private static void linkRoutes(
      NetDevice dev, InterfaceAddress address, Ipv4Address primary, Consumer<Route> sink) {
    Ipv4Prefix prefix = address.prefix();
    if (address.broadcast() != null
        && !address.broadcast().isZero()
        && !address.broadcast().isLimitedBroadcast()) {
      sink.accept(
          kernelRoute(
              Route.TABLE_LOCAL,
              RouteType.BROADCAST,
              new Ipv4Prefix(address.broadcast(), 32),
              dev,
              AddressScope.LINK,
              primary));
    }
    Ipv4Prefix network = prefix.network();
    boolean hostRoute = prefix.length() == 32;
    if (!network.address().isZero() && !address.secondary() && !hostRoute) {
      if (dev.isLoopback()) {
        sink.accept(
            kernelRoute(
                Route.TABLE_LOCAL, RouteType.LOCAL, network, dev, AddressScope.HOST, primary));
      } else {
        sink.accept(
            kernelRoute(
                Route.TABLE_MAIN, RouteType.UNICAST, network, dev, AddressScope.LINK, primary));
      }
      if (prefix.length() < 31) {
        sink.accept(
            kernelRoute(
                Route.TABLE_LOCAL,
                RouteType.BROADCAST,
                new Ipv4Prefix(prefix.broadcast(), 32),
                dev,
                AddressScope.LINK,
                primary));
      }
    }
  }

  private static Ipv4Address primaryFor(NetDevice dev, InterfaceAddress address) {
    if (!address.secondary()) {
      return address.local();
    }
    return dev.primaryAddresses().stream()
        .filter(
            p -> p.sameSubnet(address.local()) && p.prefix().length() == address.prefix().length())
        .map(InterfaceAddress::local)
        .findFirst()
        .orElse(address.local());
  }

  private void addKernelRoute(
      int tableId,
      RouteType type,
      Ipv4Prefix destination,
      NetDevice dev,
      AddressScope scope,
      Ipv4Address source) {
    insertKernelRoute(kernelRoute(tableId, type, destination, dev, scope, source));
  }

  private void insertKernelRoute(Route route) {
    RoutingTable table = table(route.table());
    boolean present =
        table.routesTo(route.destination()).stream()
            .anyMatch(r -> sameKernelRoute(r, route) && r.metric() == 0);
    if (!present) {
      table.insert(route);
    }
  }

  private static Route kernelRoute(
      int tableId,
      RouteType type,
      Ipv4Prefix destination,
      NetDevice dev,
      AddressScope scope,
      Ipv4Address source) {
    return new Route(
        tableId, type, destination, null, dev, RouteProtocol.KERNEL, scope, source, 0, false);
  }

  /**
   * fib_del_ifaddr: removes the kernel routes no remaining address still needs; the others stay
   * where they are in their tables.
   */
  void addressRemoved(NetDevice dev, InterfaceAddress removed) {
    List<Route> needed = new ArrayList<>();
    for (InterfaceAddress address : dev.addresses()) {
      Ipv4Address primary = primaryFor(dev, address);
      needed.add(
          kernelRoute(
              Route.TABLE_LOCAL,
              RouteType.LOCAL,
              new Ipv4Prefix(address.local(), 32),
              dev,
              AddressScope.HOST,
              primary));
      if (dev.isAdminUp()) {
        linkRoutes(dev, address, primary, needed::add);
      }
    }
    for (RoutingTable table : tables.values()) {
      table.removeIf(r ->
          r.device() == dev
              && r.protocol() == RouteProtocol.KERNEL
              && needed.stream()
                  .noneMatch(n ->
                      sameKernelRoute(n, r)
                          && Objects.equals(n.preferredSource(), r.preferredSource())));
    }
    needed.forEach(this::insertKernelRoute);
  }

  /**
   * fib_sync_down_addr(): an address no device has any more takes with it every main-table route
   * that names it as preferred source ({@code src}), through whichever device.
   */
  void preferredSourceGone(Ipv4Address address) {
    table(Route.TABLE_MAIN).removeIf(r -> address.equals(r.preferredSource()));
  }

  private static boolean sameKernelRoute(Route a, Route b) {
    return a.table() == b.table()
        && a.type() == b.type()
        && a.destination().equals(b.destination())
        && a.device() == b.device();
  }

  /** NETDEV_UP: the connected and broadcast routes of every address come back. */
  void deviceUp(NetDevice dev) {
    for (InterfaceAddress address : dev.addresses()) {
      addLinkRoutes(dev, address, primaryFor(dev, address));
    }
  }

  /** NETDEV_DOWN: every route through the device goes, except its host-scope local routes. */
  void deviceDown(NetDevice dev) {
    for (RoutingTable table : tables.values()) {
      table.removeIf(r -> r.device() == dev && r.scope() != AddressScope.HOST);
    }
  }

  /** NETDEV_UNREGISTER: every route through the device goes. */
  void deviceGone(NetDevice dev) {
    for (RoutingTable table : tables.values()) {
      table.removeIf(r -> r.device() == dev);
    }
  }
}
