package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgeVlanRules;
import io.packetwalk.kernel.BridgeVlans;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2 6.1's {@code bridge vlan}: {@code add} and {@code del} (vlan_modify(), a range {@code
 * vid A-B} sent as one request) and {@code show} (print_vlan_info(), text and JSON, {@code -c}
 * compressing runs of VLANs into ranges as the kernel's compressed dump does). The kernel side is
 * {@link BridgeVlanRules}.
 */
final class BridgeVlanCommand {

  static final String USAGE =
      "Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]\n"
          + "                                                     [ pvid ] [ untagged ]\n"
          + "                                                     [ self ] [ master ]\n"
          + "       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]\n"
          + "                                               [ mcast_router MULTICAST_ROUTER ]\n"
          + "       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]\n"
          + "       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]\n"
          + "       bridge vlan global { set } vid VLAN_ID dev DEV\n"
          + "                      [ mcast_snooping MULTICAST_SNOOPING ]\n"
          + "                      [ mcast_querier MULTICAST_QUERIER ]\n"
          + "                      [ mcast_igmp_version IGMP_VERSION ]\n"
          + "                      [ mcast_mld_version MLD_VERSION ]\n"
          + "                      [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
          + "                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
          + "                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
          + "                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
          + "                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
          + "                      [ mcast_querier_interval QUERIER_INTERVAL ]\n"
          + "                      [ mcast_query_interval QUERY_INTERVAL ]\n"
          + "                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
          + "       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]";

  /** IFNAMSIZ: the width of the port column. */
  private static final int PORT_WIDTH = 16;

  private final ToolContext context;
  private final NetNamespace netns;
  private final IpOptions options;
  private final boolean compress;
  private final boolean stats;

  BridgeVlanCommand(
      ToolContext context, NetNamespace netns, IpOptions options, boolean compress, boolean stats) {
    this.context = context;
    this.netns = netns;
    this.options = options;
    this.compress = compress;
    this.stats = stats;
  }

  /** do_vlan(). */
  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return show(args);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return modify(args, false);
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return modify(args, true);
    }
    if (IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")
        || IprouteArgs.matches(verb, "list")) {
      return show(args);
    }
    if (IprouteArgs.matches(verb, "tunnelshow")
        || IprouteArgs.matches(verb, "set")
        || IprouteArgs.matches(verb, "global")) {
      throw IpLink.unsimulated("bridge vlan " + verb);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw new ToolFailure(255, USAGE);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"bridge vlan help\".");
  }

  // ---- add, del ----

  /** vlan_modify(), then rtnl_bridge_setlink()/rtnl_bridge_dellink() in the kernel. */
  private int modify(IprouteArgs args, boolean delete) {
    String dev = null;
    int vid = -1;
    int vidEnd = -1;
    boolean range = false;
    boolean self = false;
    boolean master = false;
    boolean pvid = false;
    boolean untagged = false;
    while (args.hasNext()) {
      String word = args.take();
      switch (word) {
        case "dev" -> dev = value(args);
        case "vid" -> {
          String value = value(args);
          int dash = value.indexOf('-');
          if (dash >= 0) {
            vid = asShort(atoi(value.substring(0, dash)));
            vidEnd = asShort(atoi(value.substring(dash + 1)));
            range = true;
          } else {
            vid = asShort(atoi(value));
          }
        }
        case "self" -> self = true;
        case "master" -> master = true;
        case "pvid" -> pvid = true;
        case "untagged" -> untagged = true;
        case "tunnel_info" -> throw IpLink.unsimulated("tunnel_info in bridge vlan");
        default -> {
          if (IprouteArgs.matches(word, "help")) {
            value(args);
          }
        }
      }
    }
    if (dev == null || vid == -1) {
      throw new ToolFailure(255, "Device and VLAN ID are required arguments.");
    }
    String name = dev;
    NetDevice device =
        netns
            .device(name)
            .orElseThrow(() -> new ToolFailure(255, "Cannot find bridge device \"" + name + "\""));
    if (vid >= 4096) {
      throw new ToolFailure(255, "Invalid VLAN ID \"" + (vid & 0xFFFF) + "\"");
    }
    if (range) {
      if (vidEnd == -1 || vidEnd >= 4096 || vid >= vidEnd) {
        throw new ToolFailure(
            255, "Invalid VLAN range \"" + (vid & 0xFFFF) + "-" + (vidEnd & 0xFFFF) + "\"");
      }
      if (pvid) {
        throw new ToolFailure(255, "pvid cannot be configured for a vlan range");
      }
    }
    int first = vid & 0xFFFF;
    int last = range ? vidEnd & 0xFFFF : first;
    long now = context.world().now();
    try {
      if ((!self && !master) || master) {
        NetDevice bridge = device.master();
        if (bridge == null) {
          throw new KernelException(Errno.EOPNOTSUPP);
        }
        apply(device, first, last, pvid, untagged, delete, now);
      }
      if (self) {
        if (!device.isBridge()) {
          throw new KernelException(Errno.EOPNOTSUPP);
        }
        apply(device, first, last, pvid, untagged, delete, now);
      }
    } catch (KernelException e) {
      throw new ToolFailure(
          255,
          e.extack() != null
              ? "Error: " + e.extack() + "."
              : "RTNETLINK answers: " + e.errno().message());
    }
    return 0;
  }

  /**
   * br_process_vlan_info(): both ends of a range must be valid ids, then each VLAN in turn.
   * br_dellink() passes no extack, so a bad id in a delete is a bare EINVAL.
   */
  private static void apply(
      NetDevice dev,
      int first,
      int last,
      boolean pvid,
      boolean untagged,
      boolean delete,
      long now) {
    if (!BridgeVlanRules.validId(first) || !BridgeVlanRules.validId(last)) {
      throw new KernelException(Errno.EINVAL, delete ? null : "bridge: Vlan id is invalid");
    }
    for (int v = first; v <= last; v++) {
      if (delete) {
        BridgeVlanRules.delete(dev, v);
      } else {
        BridgeVlanRules.add(dev, v, pvid, untagged, now);
      }
    }
  }

  // ---- show ----

  /** vlan_show() and print_vlan_info(). */
  private int show(IprouteArgs args) {
    String filterDev = null;
    int filterVlan = 0;
    while (args.hasNext()) {
      String word = args.take();
      if (word.equals("dev")) {
        String value = value(args);
        if (filterDev != null) {
          throw IprouteArgs.duparg("dev", value);
        }
        filterDev = value;
      } else if (word.equals("vid")) {
        String value = value(args);
        if (filterVlan != 0) {
          throw IprouteArgs.duparg("vid", value);
        }
        filterVlan = atoi(value);
      }
    }
    NetDevice only = null;
    if (filterDev != null) {
      String name = filterDev;
      only =
          netns
              .device(name)
              .orElseThrow(() -> new ToolFailure(255, "Cannot find device \"" + name + "\""));
    }
    if (options.details() || stats) {
      throw IpLink.unsimulated("bridge -d/-s vlan show");
    }
    IpPrinter p = new IpPrinter(options);
    p.text(String.format("%-" + PORT_WIDTH + "s  %-9s", "port", "vlan-id") + "\n");
    for (NetDevice dev : netns.devices()) {
      if (only != null && dev != only) {
        continue;
      }
      BridgeVlans vlans =
          dev.isBridge()
              ? dev.bridge().vlans()
              : dev.portSettings() != null ? dev.portSettings().vlans() : null;
      if (vlans != null && !vlans.isEmpty()) {
        port(p, dev, entries(vlans), filterVlan);
      }
    }
    context.print(p.finish());
    return 0;
  }

  /** One VLAN entry of the kernel's dump: a VLAN, or a range of them when compressed. */
  private record Entry(int start, int end, boolean pvid, boolean untagged) {}

  /** br_fill_ifvlaninfo() or, with {@code -c}, br_fill_ifvlaninfo_compressed(). */
  private List<Entry> entries(BridgeVlans vlans) {
    List<Entry> out = new ArrayList<>();
    for (int vid : vlans.vids()) {
      boolean isPvid = vid == vlans.pvid();
      boolean untagged = vlans.untagged(vid);
      if (compress && !out.isEmpty()) {
        Entry last = out.getLast();
        if (vid - last.end() == 1 && last.pvid() == isPvid && last.untagged() == untagged) {
          out.set(out.size() - 1, new Entry(last.start(), vid, isPvid, untagged));
          continue;
        }
      }
      out.add(new Entry(vid, vid, isPvid, untagged));
    }
    return out;
  }

  private static void port(IpPrinter p, NetDevice dev, List<Entry> entries, int filterVlan) {
    boolean opened = false;
    for (Entry e : entries) {
      // filter_vlan_check(): a range is kept when it ends at or after the VLAN asked for
      if (filterVlan != 0 && e.start() > filterVlan) {
        break;
      }
      if (e.end() < filterVlan) {
        continue;
      }
      if (!opened) {
        p.openObject(null);
        p.string(Mode.JSON, "ifname", null, dev.name());
        p.text(String.format("%-" + PORT_WIDTH + "s  ", dev.name()));
        p.openJsonArray("vlans");
        opened = true;
      } else {
        p.text(" ".repeat(PORT_WIDTH + 2));
      }
      p.openObject(null);
      p.number(Mode.ANY, "vlan", "%d", e.start());
      if (e.end() != e.start()) {
        p.number(Mode.ANY, "vlanEnd", "-%d", e.end());
      }
      if (e.pvid() || e.untagged()) {
        p.openJsonArray("flags");
        if (e.pvid()) {
          p.string(Mode.ANY, null, " %s", "PVID");
        }
        if (e.untagged()) {
          p.string(Mode.ANY, null, " %s", "Egress Untagged");
        }
        p.closeJsonArray();
      }
      p.closeObject();
      p.text("\n");
    }
    if (opened) {
      p.closeJsonArray();
      p.closeObject();
    }
  }

  private static String value(IprouteArgs args) {
    if (!args.hasNext()) {
      throw IprouteArgs.incompleteCommand();
    }
    return args.take();
  }

  /** The {@code short} iproute2 keeps a VLAN id in. */
  private static int asShort(int value) {
    return (short) value;
  }

  /** C's atoi(): leading white space, a sign and the digits after it; 0 when there are none. */
  static int atoi(String text) {
    String t = text.stripLeading();
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    long value = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i)) && value <= Integer.MAX_VALUE) {
      value = value * 10 + (t.charAt(i) - '0');
      i++;
    }
    return (int) (negative ? -value : value);
  }
}
