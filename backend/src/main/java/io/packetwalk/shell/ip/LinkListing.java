package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Inet6Address;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ipaddr_list_flush_or_save() in list mode, which serves both {@code ip link show} and {@code ip
 * addr show}: the filters (dev, up, master, nomaster, type, to, scope, label, primary, secondary),
 * then each matching link with, for {@code ip addr}, its addresses.
 */
final class LinkListing {

  private final IpContext ctx;
  private final boolean doLink;
  private String devName;
  private boolean up;
  private String master;
  private boolean nomaster;
  private String kind;
  private String slaveKind;
  private Ipv4Prefix to;
  private AddressScope scope;
  private String label;
  private Boolean secondary;
  private IpOptions options;

  LinkListing(IpContext ctx, boolean doLink) {
    this.ctx = ctx;
    this.doLink = doLink;
    this.options = doLink ? ctx.options().withFamily(IpOptions.Family.PACKET) : ctx.options();
  }

  int run(IprouteArgs args) {
    parse(args);
    Optional<NetDevice> only = Optional.empty();
    if (devName != null) {
      only = ctx.device(devName);
      if (only.isEmpty()) {
        throw new ToolFailure(1, "Device \"" + devName + "\" does not exist.");
      }
    }
    NetDevice masterDev = null;
    if (master != null) {
      masterDev =
          ctx.device(master)
              .orElseThrow(() -> IprouteArgs.invarg("Device does not exist\n", master));
    }
    IpPrinter p = new IpPrinter(options);
    LinkFormatter links = new LinkFormatter(options, ctx.netns());
    AddrFormatter addrs = new AddrFormatter(options);
    for (NetDevice dev : ctx.netns().devices()) {
      if (only.isPresent() && only.get() != dev) {
        continue;
      }
      if (!linkMatches(dev, masterDev)) {
        continue;
      }
      List<InterfaceAddress> inet = inet(dev);
      List<Inet6Address> inet6 = inet6(dev);
      boolean hasAny = !dev.addresses().isEmpty() || !dev.inet6Addresses().isEmpty();
      if (options.family() != IpOptions.Family.PACKET
          && !(inet.size() + inet6.size() > 0
              || (!hasAny && options.family() == IpOptions.Family.UNSPEC))) {
        continue;
      }
      p.openObject(null);
      if (options.brief()) {
        links.brief(p, dev, options.family() == IpOptions.Family.PACKET);
      } else if (!((options.oneline() || label != null)
          && options.family() != IpOptions.Family.PACKET)) {
        links.link(p, dev, doLink);
      }
      if (options.family() != IpOptions.Family.PACKET) {
        p.openJsonArray("addr_info");
        inet.forEach(a -> addrs.inet(p, dev, a));
        inet6.forEach(a -> addrs.inet6(p, dev, a));
        p.closeJsonArray();
        if (options.brief()) {
          p.text("\n");
        }
      }
      if (!doLink && options.stats() && !options.brief()) {
        links.stats(p, dev.counters());
        p.text("\n");
      }
      p.closeObject();
    }
    ctx.print(p.finish());
    return 0;
  }

  private void parse(IprouteArgs args) {
    while (args.hasNext()) {
      String word = args.peek();
      switch (word) {
        case "to" -> {
          String value = args.nextValue();
          to = InetArgs.prefix(value, InetArgs.Family.UNSPEC).prefix();
          if (options.family() == IpOptions.Family.UNSPEC) {
            options = options.withFamily(IpOptions.Family.INET);
          }
        }
        case "scope" -> {
          String value = args.nextValue();
          scope = RouteWords.scope(value);
          if (scope == null && !value.equals("all")) {
            throw IprouteArgs.invarg("invalid \"scope\"\n", value);
          }
        }
        case "up" -> up = true;
        case "primary" -> secondary = false;
        case "secondary" -> secondary = true;
        case "label" -> label = args.nextValue();
        case "master" -> master = args.nextValue();
        case "nomaster" -> nomaster = true;
        case "type" -> {
          String value = args.nextValue();
          if (value.endsWith("_slave")) {
            slaveKind = value.substring(0, value.length() - "_slave".length());
          } else {
            kind = value;
          }
        }
        default -> {
          String value = word;
          if (word.equals("dev")) {
            value = args.nextValue();
          } else if (IprouteArgs.matches(word, "help")) {
            throw IpUsage.of(doLink ? IpUsage.LINK : IpUsage.ADDRESS);
          }
          if (devName != null) {
            throw IprouteArgs.duparg2("dev", value);
          }
          devName = value;
        }
      }
      args.skip();
    }
  }

  private boolean linkMatches(NetDevice dev, NetDevice masterDev) {
    if (up && !dev.isAdminUp()) {
      return false;
    }
    if (masterDev != null && dev.master() != masterDev) {
      return false;
    }
    if (nomaster && dev.master() != null) {
      return false;
    }
    if (kind != null && !kind.equals(LinkTypes.filterName(dev))) {
      return false;
    }
    return slaveKind == null || (slaveKind.equals("bridge") && dev.master() != null);
  }

  private List<InterfaceAddress> inet(NetDevice dev) {
    List<InterfaceAddress> kept = new ArrayList<>();
    if (!options.showsInet()) {
      return kept;
    }
    for (InterfaceAddress a : dev.addresses()) {
      if (to != null && !to.contains(a.local())) {
        continue;
      }
      if (scope != null && a.scope() != scope) {
        continue;
      }
      if (secondary != null && a.secondary() != secondary) {
        continue;
      }
      String shownLabel = a.label() != null ? a.label() : dev.name();
      if (label != null && !globMatches(label, shownLabel)) {
        continue;
      }
      kept.add(a);
    }
    return kept;
  }

  private List<Inet6Address> inet6(NetDevice dev) {
    if (!options.showsInet6()
        || to != null
        || Boolean.TRUE.equals(secondary)
        || (label != null && !globMatches(label, dev.name()))) {
      return List.of();
    }
    return dev.inet6Addresses().stream()
        .filter(a -> scope == null || a.scope().equals(scope.word()))
        .toList();
  }

  /** fnmatch() for the label filter: * and ? wildcards. */
  private static boolean globMatches(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return text.matches(regex.toString());
  }
}
