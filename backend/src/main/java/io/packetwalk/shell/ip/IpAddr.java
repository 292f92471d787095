package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip address}: add, delete, flush and show IPv4 addresses ({@code brd +|-|ADDR}, {@code
 * label}, {@code scope}, {@code metric}). The kernel picks primary or secondary and adds the local,
 * broadcast and connected routes. IPv6 addresses are only those the kernel configures by itself
 * (link-local, ::1).
 */
final class IpAddr {

  private final IpContext ctx;

  IpAddr(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return new LinkListing(ctx, false).run(args);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return modify(args, false);
    }
    if (IprouteArgs.matches(verb, "change")
        || verb.equals("chg")
        || IprouteArgs.matches(verb, "replace")) {
      throw IpLink.unsimulated("ip address " + verb);
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return modify(args, true);
    }
    if (IprouteArgs.matches(verb, "list")
        || IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")) {
      return new LinkListing(ctx, false).run(args);
    }
    if (IprouteArgs.matches(verb, "flush")) {
      return flush(args);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.of(IpUsage.ADDRESS);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip address help\".");
  }

  private InetArgs.Family family() {
    return switch (ctx.options().family()) {
      case INET -> InetArgs.Family.INET;
      case INET6 -> InetArgs.Family.INET6;
      default -> InetArgs.Family.UNSPEC;
    };
  }

  // ---- add / delete ----

  private int modify(IprouteArgs args, boolean delete) {
    InetArgs.Family family = family();
    if (family == InetArgs.Family.INET6) {
      throw IpLink.unsimulated("adding or deleting IPv6 addresses");
    }
    InetArgs.Parsed local = null;
    String localText = null;
    String dev = null;
    String label = null;
    AddressScope scope = null;
    int metric = 0;
    Ipv4Address broadcast = null;
    int brdMode = 0;
    while (args.hasNext()) {
      String word = args.peek();
      if (word.equals("peer") || word.equals("remote")) {
        throw IpLink.unsimulated("\"" + word + "\" (point-to-point addresses)");
      } else if (IprouteArgs.matches(word, "broadcast") || word.equals("brd")) {
        String value = args.nextValue();
        if (brdMode != 0) {
          throw IprouteArgs.duparg("broadcast", value);
        }
        if (value.equals("+")) {
          brdMode = -1;
        } else if (value.equals("-")) {
          brdMode = -2;
        } else {
          broadcast = InetArgs.address(value, family).address();
          family = InetArgs.Family.INET;
          brdMode = 4;
        }
      } else if (word.equals("scope")) {
        String value = args.nextValue();
        scope = RouteWords.scope(value);
        if (scope == null) {
          throw IprouteArgs.invarg("invalid scope value.", value);
        }
      } else if (word.equals("dev")) {
        dev = args.nextValue();
      } else if (word.equals("label")) {
        label = args.nextValue();
      } else if (IprouteArgs.matches(word, "metric")
          || IprouteArgs.matches(word, "priority")
          || IprouteArgs.matches(word, "preference")) {
        String value = args.nextValue();
        metric =
            LinkRequest.integer(value)
                .filter(n -> n >= 0)
                .orElseThrow(() -> IprouteArgs.invarg("\"metric\" value is invalid\n", value));
      } else if (IprouteArgs.matches(word, "valid_lft")
          || IprouteArgs.matches(word, "preferred_lft")
          || word.equals("proto")) {
        throw IpLink.unsimulated("\"" + word + "\"");
      } else if (word.equals("home")
          || word.equals("nodad")
          || word.equals("optimistic")
          || word.equals("mngtmpaddr")
          || word.equals("noprefixroute")
          || word.equals("autojoin")
          || word.equals("anycast")) {
        throw IpLink.unsimulated("\"" + word + "\"");
      } else {
        String value = word.equals("local") ? args.nextValue() : word;
        if (IprouteArgs.matches(value, "help")) {
          throw IpUsage.of(IpUsage.ADDRESS);
        }
        if (local != null) {
          throw IprouteArgs.duparg2("local", value);
        }
        if (InetArgs.looksLikeIpv6(value)) {
          throw IpLink.unsimulated("adding or deleting IPv6 addresses");
        }
        local = InetArgs.prefix(value, family);
        localText = value;
        family = InetArgs.Family.INET;
      }
      args.skip();
    }
    if (dev == null) {
      throw new ToolFailure(1, "Not enough information: \"dev\" argument is required.");
    }
    if (label != null && !label.startsWith(dev)) {
      throw new ToolFailure(1, "\"dev\" (" + dev + ") must match \"label\" (" + label + ").");
    }
    String devName = dev;
    NetDevice device = ctx.device(dev).orElseThrow(() -> IprouteArgs.nodev(devName));
    if (local == null) {
      throw IprouteArgs.rtnetlink(new KernelException(io.packetwalk.kernel.Errno.EINVAL));
    }
    if (delete) {
      return delete(device, local, localText, label);
    }
    if (brdMode < 0) {
      Ipv4Prefix p = local.prefix();
      if (p.length() <= 30) {
        broadcast = brdMode == -1 ? p.broadcast() : new Ipv4Address(p.address().bits() & p.mask());
      }
    }
    if (scope == null) {
      scope = local.address().octet(0) == 127 ? AddressScope.HOST : AddressScope.GLOBAL;
    }
    InterfaceAddress requested =
        new InterfaceAddress(local.prefix(), broadcast, scope, label, false, metric);
    try {
      device.netns().addAddress(device, requested);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  private int delete(NetDevice dev, InetArgs.Parsed local, String text, String label) {
    if (!local.lengthGiven()) {
      ctx.tool()
          .errln(
              "Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                  + "         Explicitly specify the prefix length ("
                  + text
                  + "/32) to avoid this warning.\n"
                  + "         This special behaviour is likely to disappear in further releases,\n"
                  + "         fix your scripts!");
    }
    for (InterfaceAddress a : dev.addresses()) {
      if (!a.local().equals(local.address())) {
        continue;
      }
      if (label != null && !label.equals(a.label() != null ? a.label() : dev.name())) {
        continue;
      }
      if (local.lengthGiven()
          && (a.prefix().length() != local.length() || !a.prefix().contains(local.address()))) {
        continue;
      }
      try {
        dev.netns().deleteAddress(dev, a);
      } catch (KernelException e) {
        throw IprouteArgs.rtnetlink(e);
      }
      return 0;
    }
    throw new ToolFailure(2, "Error: ipv4: Address not found.");
  }

  // ---- flush ----

  private int flush(IprouteArgs args) {
    if (!args.hasNext()) {
      throw new ToolFailure(1, "Flush requires arguments.");
    }
    String devName = null;
    Ipv4Prefix to = null;
    AddressScope scope = null;
    Boolean secondary = null;
    String label = null;
    while (args.hasNext()) {
      String word = args.peek();
      switch (word) {
        case "to" -> to = InetArgs.prefix(args.nextValue(), InetArgs.Family.UNSPEC).prefix();
        case "scope" -> {
          String value = args.nextValue();
          scope = RouteWords.scope(value);
          if (scope == null && !value.equals("all")) {
            throw IprouteArgs.invarg("invalid \"scope\"\n", value);
          }
        }
        case "primary" -> secondary = false;
        case "secondary" -> secondary = true;
        case "label" -> label = args.nextValue();
        default -> {
          String value = word.equals("dev") ? args.nextValue() : word;
          if (devName != null) {
            throw IprouteArgs.duparg2("dev", value);
          }
          devName = value;
        }
      }
      args.skip();
    }
    List<NetDevice> devices = new ArrayList<>();
    if (devName != null) {
      String name = devName;
      devices.add(
          ctx.device(devName)
              .orElseThrow(() -> new ToolFailure(1, "Device \"" + name + "\" does not exist.")));
    } else {
      devices.addAll(ctx.netns().devices());
    }
    boolean inet6 =
        ctx.options().showsInet6()
            && to == null
            && label == null
            && !Boolean.TRUE.equals(secondary);
    for (NetDevice dev : devices) {
      for (InterfaceAddress a : List.copyOf(dev.addresses())) {
        if (!dev.addresses().contains(a) || !ctx.options().showsInet()) {
          continue;
        }
        if ((to != null && !to.contains(a.local()))
            || (scope != null && a.scope() != scope)
            || (secondary != null && a.secondary() != secondary)
            || (label != null && !label.equals(a.label() != null ? a.label() : dev.name()))) {
          continue;
        }
        dev.netns().deleteAddress(dev, a);
      }
      if (inet6 && (scope == null || scope == AddressScope.LINK || scope == AddressScope.HOST)) {
        dev.netns().flushIpv6Addresses(dev);
      }
    }
    return 0;
  }
}
