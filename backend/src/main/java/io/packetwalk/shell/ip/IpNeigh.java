package io.packetwalk.shell.ip;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NeighbourTable;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NudState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ip neigh}: add, replace, change, delete, show, flush and get for the ARP cache and the
 * proxy-ARP entries, with {@code nud} states as the kernel's neighbour code applies them (a new
 * entry needs a link-layer address; flush leaves PERMANENT and NOARP entries alone).
 */
final class IpNeigh {

  private final IpContext ctx;

  IpNeigh(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return show(args, false);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return modify(args, true, false, false);
    }
    if (IprouteArgs.matches(verb, "change") || verb.equals("chg")) {
      return modify(args, false, true, false);
    }
    if (IprouteArgs.matches(verb, "replace")) {
      return modify(args, true, true, false);
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return modify(args, false, false, true);
    }
    if (IprouteArgs.matches(verb, "get")) {
      return get(args);
    }
    if (IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "list")
        || IprouteArgs.matches(verb, "lst")) {
      return show(args, false);
    }
    if (IprouteArgs.matches(verb, "flush")) {
      return show(args, true);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.of(IpUsage.NEIGH);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip neigh help\".");
  }

  /** nud_state_a2n(); empty for an unknown word. "none" is NUD_NONE (an empty set). */
  private static Optional<Set<NudState>> nud(String word) {
    return switch (word) {
      case "permanent" -> Optional.of(EnumSet.of(NudState.PERMANENT));
      case "reachable" -> Optional.of(EnumSet.of(NudState.REACHABLE));
      case "noarp" -> Optional.of(EnumSet.of(NudState.NOARP));
      case "none" -> Optional.of(EnumSet.noneOf(NudState.class));
      case "stale" -> Optional.of(EnumSet.of(NudState.STALE));
      case "incomplete" -> Optional.of(EnumSet.of(NudState.INCOMPLETE));
      case "delay" -> Optional.of(EnumSet.of(NudState.DELAY));
      case "probe" -> Optional.of(EnumSet.of(NudState.PROBE));
      case "failed" -> Optional.of(EnumSet.of(NudState.FAILED));
      default -> Optional.empty();
    };
  }

  // ---- add / change / replace / delete ----

  private int modify(IprouteArgs args, boolean create, boolean replace, boolean delete) {
    String lla = null;
    NudState state = NudState.PERMANENT;
    boolean proxy = false;
    boolean router = false;
    String dev = null;
    Ipv4Address dst = null;
    while (args.hasNext()) {
      String word = args.peek();
      if (IprouteArgs.matches(word, "lladdr")) {
        String value = args.nextValue();
        if (lla != null) {
          throw IprouteArgs.duparg("lladdr", value);
        }
        lla = value;
      } else if (word.equals("nud")) {
        String value = args.nextValue();
        Set<NudState> states =
            nud(value).orElseThrow(() -> IprouteArgs.invarg("nud state is bad", value));
        state = states.isEmpty() ? null : states.iterator().next();
      } else if (IprouteArgs.matches(word, "proxy")) {
        String value = args.nextValue();
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.NEIGH);
        }
        if (dst != null) {
          throw IprouteArgs.duparg("address", value);
        }
        dst = address(value);
        proxy = true;
      } else if (word.equals("router")) {
        router = true;
      } else if (word.equals("dev")) {
        dev = args.nextValue();
      } else if (IprouteArgs.matches(word, "extern_learn")
          || word.equals("use")
          || word.equals("managed")
          || IprouteArgs.matches(word, "protocol")) {
        throw IpLink.unsimulated("\"" + word + "\"");
      } else {
        String value = word.equals("to") ? args.nextValue() : word;
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.NEIGH);
        }
        if (dst != null) {
          throw IprouteArgs.duparg2("to", value);
        }
        dst = address(value);
      }
      args.skip();
    }
    if (dev == null || dst == null) {
      throw new ToolFailure(255, "Device and destination are required arguments.");
    }
    byte[] lladdr = lla == null || lla.equals("null") ? null : InetArgs.lladdr(lla);
    String devName = dev;
    NetDevice device = ctx.device(dev).orElseThrow(() -> IprouteArgs.nodev(devName));
    try {
      if (proxy) {
        proxy(device, dst, delete);
      } else if (delete) {
        delete(device, dst);
      } else {
        update(device, dst, lladdr, state, router, create, replace);
      }
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  private Ipv4Address address(String text) {
    if (InetArgs.looksLikeIpv6(text)) {
      throw IpLink.unsimulated("IPv6 neighbours");
    }
    return InetArgs.address(text, InetArgs.Family.UNSPEC).address();
  }

  private void proxy(NetDevice dev, Ipv4Address dst, boolean delete) {
    NeighbourTable table = dev.netns().neighbours();
    NeighbourTable.ProxyEntry entry = new NeighbourTable.ProxyEntry(dst, dev);
    if (delete) {
      if (!table.removeProxy(entry)) {
        throw new KernelException(Errno.ENOENT);
      }
    } else if (!table.hasProxy(dst, dev)) {
      table.addProxy(entry);
    }
  }

  private void delete(NetDevice dev, Ipv4Address dst) {
    NeighbourTable table = dev.netns().neighbours();
    NeighbourEntry entry =
        table.find(dst, dev).orElseThrow(() -> new KernelException(Errno.ENOENT));
    table.remove(entry);
  }

  /** neigh_add(): create or update an entry as __neigh_update() does for an administrator. */
  private void update(
      NetDevice dev,
      Ipv4Address dst,
      byte[] lladdr,
      NudState state,
      boolean router,
      boolean create,
      boolean replace) {
    if (lladdr != null && lladdr.length < 6) {
      throw new KernelException(Errno.EINVAL, "Invalid link address");
    }
    NeighbourTable table = dev.netns().neighbours();
    Optional<NeighbourEntry> existing = table.find(dst, dev);
    if (existing.isEmpty() && !create) {
      throw new KernelException(Errno.ENOENT);
    }
    if (existing.isPresent() && create && !replace) {
      throw new KernelException(Errno.EEXIST);
    }
    MacAddress mac = lladdr == null ? null : mac(lladdr);
    boolean valid = state != null && state != NudState.INCOMPLETE && state != NudState.FAILED;
    if (valid && mac == null && (existing.isEmpty() || existing.get().lladdr() == null)) {
      throw new KernelException(Errno.EINVAL, "No link layer address given");
    }
    if (existing.isPresent()) {
      NeighbourEntry entry = existing.get();
      if (state == null) {
        table.remove(entry);
        return;
      }
      entry.update(state, mac, ctx.tool().world().now());
      entry.setRouter(router);
      return;
    }
    if (state == null) {
      return;
    }
    NeighbourEntry entry = new NeighbourEntry(dst, dev, state, ctx.tool().world().now());
    entry.update(state, mac, ctx.tool().world().now());
    entry.setRouter(router);
    table.add(entry);
  }

  private static MacAddress mac(byte[] bytes) {
    long bits = 0;
    for (int i = 0; i < 6; i++) {
      bits = (bits << 8) | (bytes[i] & 0xff);
    }
    return new MacAddress(bits);
  }

  // ---- show / flush / get ----

  private int show(IprouteArgs args, boolean flush) {
    if (flush && !args.hasNext()) {
      throw new ToolFailure(1, "Flush requires arguments.");
    }
    String devName = null;
    Set<NudState> states = null;
    boolean stateNone = false;
    boolean proxies = false;
    Ipv4Prefix to = null;
    while (args.hasNext()) {
      String word = args.peek();
      switch (word) {
        case "dev" -> devName = args.nextValue();
        case "nud" -> {
          String value = args.nextValue();
          if (states == null) {
            states = EnumSet.noneOf(NudState.class);
          }
          Optional<Set<NudState>> parsed = nud(value);
          if (parsed.isPresent()) {
            if (parsed.get().isEmpty()) {
              stateNone = true;
            }
            states.addAll(parsed.get());
          } else if (value.equals("all")) {
            states.addAll(EnumSet.allOf(NudState.class));
            if (flush) {
              states.remove(NudState.NOARP);
            }
          } else {
            throw IprouteArgs.invarg("nud state is bad", value);
          }
        }
        case "proxy" -> proxies = true;
        case "unused", "nomaster" -> {}
        default -> {
          String value = word.equals("to") ? args.nextValue() : word;
          if (IprouteArgs.matches(value, "help")) {
            throw IpUsage.of(IpUsage.NEIGH);
          }
          to =
              InetArgs.parsePrefix(value, InetArgs.Family.UNSPEC)
                  .map(InetArgs.Parsed::prefix)
                  .orElseThrow(() -> IprouteArgs.invarg("to value is invalid\n", value));
        }
      }
      args.skip();
    }
    if (states == null) {
      states =
          flush
              ? EnumSet.complementOf(EnumSet.of(NudState.PERMANENT, NudState.NOARP))
              : EnumSet.complementOf(EnumSet.of(NudState.NOARP));
    }
    NetDevice only = null;
    if (devName != null) {
      String name = devName;
      only = ctx.device(devName).orElseThrow(() -> IprouteArgs.nodev(name));
    }
    NeighbourTable table = ctx.netns().neighbours();
    if (proxies) {
      return showProxies(table, only, to, flush);
    }
    IpPrinter p = ctx.printer();
    for (NeighbourEntry e : List.copyOf(table.entries())) {
      if ((only != null && e.device() != only)
          || (to != null && !to.contains(e.address()))
          || !states.contains(e.state())) {
        continue;
      }
      if (flush) {
        table.remove(e);
        continue;
      }
      print(p, e, only != null);
    }
    if (!flush) {
      ctx.print(p.finish());
    }
    return 0;
  }

  private int showProxies(NeighbourTable table, NetDevice only, Ipv4Prefix to, boolean flush) {
    IpPrinter p = ctx.printer();
    for (NeighbourTable.ProxyEntry e : List.copyOf(table.proxies())) {
      if ((only != null && e.device() != only) || (to != null && !to.contains(e.address()))) {
        continue;
      }
      if (flush) {
        table.removeProxy(e);
        continue;
      }
      p.openObject(null);
      p.string(Mode.ANY, "dst", "%s ", e.address().toString());
      if (only == null) {
        p.string(Mode.ANY, "dev", "dev %s ", e.device().name());
      }
      p.nullOrText("proxy", "proxy ");
      p.text("\n");
      p.closeObject();
    }
    if (!flush) {
      ctx.print(p.finish());
    }
    return 0;
  }

  /** print_neigh(). */
  static void print(IpPrinter p, NeighbourEntry e, boolean devFiltered) {
    p.openObject(null);
    p.string(Mode.ANY, "dst", "%s ", e.address().toString());
    if (!devFiltered) {
      p.string(Mode.ANY, "dev", "dev %s ", e.device().name());
    }
    if (e.lladdr() != null && e.state() != NudState.INCOMPLETE && e.state() != NudState.FAILED) {
      p.string(Mode.ANY, "lladdr", "lladdr %s ", e.lladdr().toString());
    }
    if (e.router()) {
      p.nullOrText("router", "router ");
    }
    p.openJsonArray("state");
    p.string(Mode.ANY, null, "%s ", e.state().name());
    p.closeJsonArray();
    p.text("\n");
    p.closeObject();
  }

  private int get(IprouteArgs args) {
    String dev = null;
    Ipv4Address dst = null;
    while (args.hasNext()) {
      String word = args.peek();
      if (word.equals("dev")) {
        dev = args.nextValue();
      } else if (word.equals("proxy")) {
        throw IpLink.unsimulated("ip neigh get proxy");
      } else {
        String value = word.equals("to") ? args.nextValue() : word;
        dst = address(value);
      }
      args.skip();
    }
    if (dev == null || dst == null) {
      throw new ToolFailure(255, "Device and address are required arguments.");
    }
    String devName = dev;
    NetDevice device = ctx.device(dev).orElseThrow(() -> IprouteArgs.nodev(devName));
    NeighbourEntry entry =
        ctx.netns()
            .neighbours()
            .find(dst, device)
            .orElseThrow(() -> IprouteArgs.rtnetlink(new KernelException(Errno.ENOENT)));
    IpPrinter p = ctx.printer();
    print(p, entry, false);
    ctx.print(p.finish());
    return 0;
  }
}
