package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgePortSettings;
import io.packetwalk.kernel.BridgeVlans;
import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanFdbEntry;
import io.packetwalk.kernel.VxlanRemote;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * iproute2's {@code bridge}: {@code fdb} (show, add, append, replace, del), {@code link} (show,
 * set) and {@code vlan} ({@link BridgeVlanCommand}). A port's entries are listed newest first, then
 * its own address, then the device's own unicast and multicast addresses ("self"); the bridge lists
 * the address it was given by hand.
 */
public final class BridgeCommand implements Tool {

  private static final String USAGE =
      "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
          + "       bridge [ -force ] -batch filename\n"
          + "where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
          + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
          + "                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
          + "                    -c[ompressvlans] -color -p[retty] -j[son] }";

  private static final String FDB_USAGE =
      "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV\n"
          + "              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]\n"
          + "              [ sticky ] [ local | static | dynamic ] [ vlan VID ]\n"
          + "              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }\n"
          + "\t       [ via DEV ] [ src_vni VNI ]\n"
          + "       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]\n"
          + "              [ state STATE ] [ dynamic ] ]\n"
          + "       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV\n"
          + "              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]\n"
          + "       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]\n"
          + "              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]\n"
          + "              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]\n"
          + "              [ [no]offloaded ]";

  /** Neighbour states as print_fdb() sees them (include/uapi/linux/neighbour.h). */
  private static final int NUD_REACHABLE = 0x02;

  private static final int NUD_STALE = 0x04;
  private static final int NUD_NOARP = 0x40;
  private static final int NUD_PERMANENT = 0x80;

  private static final String LINK_SET_USAGE =
      "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
          + "                               [ guard {on | off} ]\n"
          + "                               [ hairpin {on | off} ]\n"
          + "                               [ fastleave {on | off} ]\n"
          + "                               [ root_block {on | off} ]\n"
          + "                               [ learning {on | off} ]\n"
          + "                               [ learning_sync {on | off} ]\n"
          + "                               [ flood {on | off} ]\n"
          + "                               [ mcast_router MULTICAST_ROUTER ]\n"
          + "                               [ mcast_flood {on | off} ]\n"
          + "                               [ bcast_flood {on | off} ]\n"
          + "                               [ mcast_to_unicast {on | off} ]\n"
          + "                               [ neigh_suppress {on | off} ]\n"
          + "                               [ vlan_tunnel {on | off} ]\n"
          + "                               [ isolated {on | off} ]\n"
          + "                               [ locked {on | off} ]\n"
          + "                               [ hwmode {vepa | veb} ]\n"
          + "                               [ backup_port DEVICE ] [ nobackup_port ]\n"
          + "                               [ self ] [ master ]\n"
          + "       bridge link show [dev DEV]";

  @Override
  public int run(ToolContext context, List<String> argv) {
    return new Invocation(context).run(argv);
  }

  /** One run of bridge: its options and the namespace it looks at. */
  private static final class Invocation {

    private final ToolContext context;
    private NetNamespace netns;
    private IpOptions options;
    private boolean stats;
    private boolean compressVlans;

    Invocation(ToolContext context) {
      this.context = context;
      this.netns = context.netns();
    }

    int run(List<String> argv) {
      boolean json = false;
      boolean pretty = false;
      boolean details = false;
      IprouteArgs args = new IprouteArgs(argv.subList(1, argv.size()));
      while (args.hasNext() && args.peek().startsWith("-")) {
        String opt = args.take();
        if (opt.startsWith("--")) {
          opt = opt.substring(1);
        }
        if (IprouteArgs.matches(opt, "-json")) {
          json = true;
        } else if (IprouteArgs.matches(opt, "-pretty")) {
          pretty = true;
        } else if (IprouteArgs.matches(opt, "-details")) {
          details = true;
        } else if (IprouteArgs.matches(opt, "-statistics")) {
          stats = true;
        } else if (IprouteArgs.matches(opt, "-netns")) {
          String name = args.hasNext() ? args.take() : "";
          netns =
              context.host().namedNamespaces().stream()
                  .filter(ns -> ns.name().equals(name))
                  .findFirst()
                  .orElseThrow(() ->
                      new ToolFailure(
                          255,
                          "Cannot open network namespace \""
                              + name
                              + "\": No such file or directory"));
        } else if (IprouteArgs.matches(opt, "-Version")) {
          context.println("bridge utility, 6.1.0");
          return 0;
        } else if (IprouteArgs.matches(opt, "-compressvlans")) {
          compressVlans = true;
        } else if (IprouteArgs.matches(opt, "-oneline")
            || IprouteArgs.matches(opt, "-timestamp")
            || IprouteArgs.matches(opt, "-color")) {
          continue;
        } else {
          throw new ToolFailure(255, "Option \"" + opt + "\" is unknown, try \"bridge help\".");
        }
      }
      options =
          new IpOptions(
              IpOptions.Family.UNSPEC, details, false, json, json && pretty, false, false);
      if (!args.hasNext()) {
        throw new ToolFailure(255, USAGE);
      }
      String object = args.take();
      if (IprouteArgs.matches(object, "link")) {
        return link(args);
      }
      if (IprouteArgs.matches(object, "fdb")) {
        return fdb(args);
      }
      if (IprouteArgs.matches(object, "mdb") || IprouteArgs.matches(object, "monitor")) {
        throw IpLink.unsimulated("bridge " + object);
      }
      if (IprouteArgs.matches(object, "vlan")) {
        return new BridgeVlanCommand(context, netns, options, compressVlans, stats).run(args);
      }
      if (IprouteArgs.matches(object, "help")) {
        throw new ToolFailure(255, USAGE);
      }
      throw new ToolFailure(255, "Object \"" + object + "\" is unknown, try \"bridge help\".");
    }

    private NetDevice device(String name) {
      return netns
          .device(name)
          .orElseThrow(() -> new ToolFailure(255, "Cannot find device \"" + name + "\""));
    }

    // ---- fdb ----

    private int fdb(IprouteArgs args) {
      if (!args.hasNext()) {
        return fdbShow(args);
      }
      String verb = args.take();
      if (IprouteArgs.matches(verb, "add")) {
        return fdbModify(args, false, VxlanState.Update.ADD);
      }
      if (IprouteArgs.matches(verb, "append")) {
        return fdbModify(args, false, VxlanState.Update.APPEND);
      }
      if (IprouteArgs.matches(verb, "replace")) {
        return fdbModify(args, false, VxlanState.Update.REPLACE);
      }
      if (IprouteArgs.matches(verb, "delete")) {
        return fdbModify(args, true, VxlanState.Update.ADD);
      }
      if (IprouteArgs.matches(verb, "show")
          || IprouteArgs.matches(verb, "lst")
          || IprouteArgs.matches(verb, "list")) {
        return fdbShow(args);
      }
      if (IprouteArgs.matches(verb, "get") || IprouteArgs.matches(verb, "flush")) {
        throw IpLink.unsimulated("bridge fdb " + verb);
      }
      if (IprouteArgs.matches(verb, "help")) {
        throw new ToolFailure(255, FDB_USAGE);
      }
      throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"bridge fdb help\".");
    }

    /**
     * fdb_show(): {@code br}, {@code brport}/{@code dev} (the last one counts), {@code vlan},
     * {@code state} (repeatable, OR-ed) and {@code dynamic} (everything but permanent entries, so
     * static ones stay); any other word, {@code static}, {@code self} and {@code master} included,
     * is ignored, and a prefix of {@code help} prints the usage.
     */
    private int fdbShow(IprouteArgs args) {
      String bridgeName = null;
      String portName = null;
      int vlan = 0;
      int states = 0;
      boolean dynamic = false;
      while (args.hasNext()) {
        String word = args.take();
        switch (word) {
          case "brport", "dev" -> portName = value(args);
          case "br" -> bridgeName = value(args);
          case "vlan" -> {
            String value = value(args);
            if (vlan != 0) {
              throw IprouteArgs.duparg("vlan", value);
            }
            vlan = BridgeVlanCommand.atoi(value);
          }
          case "state" -> {
            String value = value(args);
            states |= fdbState(value).orElseThrow(() -> IprouteArgs.invarg("invalid state", value));
          }
          case "dynamic" -> dynamic = true;
          default -> {
            if (IprouteArgs.matches(word, "help")) {
              throw new ToolFailure(255, FDB_USAGE);
            }
          }
        }
      }
      NetDevice bridge = null;
      if (bridgeName != null) {
        String name = bridgeName;
        bridge =
            netns
                .device(name)
                .orElseThrow(
                    () -> new ToolFailure(255, "Cannot find bridge device \"" + name + "\""));
      }
      NetDevice port = portName == null ? null : device(portName);
      FdbFilter filter = new FdbFilter(port == null, vlan, states, dynamic);
      IpPrinter p = new IpPrinter(options);
      for (NetDevice dev : netns.devices()) {
        if (port != null && dev != port) {
          continue;
        }
        // rtnl_fdb_dump() with NDA_MASTER: the bridge itself and its ports, nothing for a
        // non-bridge
        if (bridge != null && !(bridge.isBridge() && (dev == bridge || dev.master() == bridge))) {
          continue;
        }
        if (dev.isBridge()) {
          for (MacAddress mac : dev.multicastAddresses()) {
            entry(p, filter, mac, 0, dev, null, NUD_PERMANENT);
          }
          List<FdbEntry> own =
              new ArrayList<>(dev.bridge().fdb().stream().filter(e -> e.port() == dev).toList());
          if (dev.bridge().macSetByUser() && dev.bridge().lookup(dev.mac()).isEmpty()) {
            own.add(0, new FdbEntry(dev.mac(), dev, FdbEntry.Type.LOCAL, 0));
          }
          own.addAll(bridgeVlanEntries(dev));
          for (FdbEntry e : own.reversed()) {
            entry(p, filter, e.mac(), e.vlan(), dev, dev, NUD_PERMANENT);
          }
        }
        if (dev.master() != null) {
          List<FdbEntry> entries =
              dev.master().bridge().fdb().stream().filter(e -> e.port() == dev).toList();
          for (FdbEntry e : entries.reversed()) {
            entry(p, filter, e.mac(), e.vlan(), dev, dev.master(), nud(e));
          }
        }
        if (dev.kind() instanceof DeviceKind.Vxlan(VxlanState vxlan)) {
          VxlanFdbLines.print(
              p, dev, vxlan, context.world().now(), filter.showDev(), nud -> filter.keeps(nud, 0));
          continue;
        }
        for (MacAddress mac : dev.unicastAddresses()) {
          entry(p, filter, mac, 0, dev, null, NUD_PERMANENT);
        }
        if (!dev.isBridge()) {
          for (MacAddress mac : dev.multicastAddresses()) {
            entry(p, filter, mac, 0, dev, null, NUD_PERMANENT);
          }
        }
      }
      context.print(p.finish());
      return 0;
    }

    /** What print_fdb() keeps: {@code showDev} is false when a port was named. */
    private record FdbFilter(boolean showDev, int vlan, int states, boolean dynamic) {

      boolean keeps(int nud, int vid) {
        return (states == 0 || (nud & states) != 0)
            && (vlan == 0 || vlan == vid)
            && !(dynamic && (nud & NUD_PERMANENT) != 0);
      }
    }

    /**
     * The bridge's own local entries in its VLANs (br_vlan_add() with BRENTRY adds the bridge's MAC
     * in each), newest first as the kernel lists them; fdb_add_local() leaves out one a port
     * already has as its own local entry for that MAC and VLAN.
     */
    private static List<FdbEntry> bridgeVlanEntries(NetDevice bridge) {
      List<FdbEntry> out = new ArrayList<>();
      if (bridge.mac().isZero()) {
        return out;
      }
      for (int vid : bridge.bridge().vlans().vids()) {
        boolean shadowed =
            bridge
                .bridge()
                .lookup(bridge.mac(), vid)
                .filter(e -> e.type() == FdbEntry.Type.LOCAL)
                .isPresent();
        if (!shadowed) {
          out.add(new FdbEntry(bridge.mac(), vid, bridge, FdbEntry.Type.LOCAL, 0));
        }
      }
      return out;
    }

    /** fdb_to_nud(): local entries are permanent, static ones noarp, learned ones reachable. */
    private static int nud(FdbEntry e) {
      return switch (e.type()) {
        case LOCAL -> NUD_PERMANENT;
        case STATIC -> NUD_NOARP;
        case DYNAMIC -> NUD_REACHABLE;
      };
    }

    /** fdb_state_a2n(): a state word (prefixes allowed), "all", or a number. */
    private static Optional<Integer> fdbState(String word) {
      if (IprouteArgs.matches(word, "permanent")) {
        return Optional.of(NUD_PERMANENT);
      }
      if (IprouteArgs.matches(word, "static") || IprouteArgs.matches(word, "temp")) {
        return Optional.of(NUD_NOARP);
      }
      if (IprouteArgs.matches(word, "stale")) {
        return Optional.of(NUD_STALE);
      }
      if (IprouteArgs.matches(word, "reachable") || IprouteArgs.matches(word, "dynamic")) {
        return Optional.of(NUD_REACHABLE);
      }
      if (word.equals("all")) {
        return Optional.of(~0);
      }
      // get_unsigned(): strtoul(…, 0) over the whole word, at most UINT_MAX
      InetArgs.Strtoul n = InetArgs.Strtoul.parse(word, 0);
      if (word.isEmpty() || n.end() != word.length() || n.value() > 0xFFFF_FFFFL) {
        return Optional.empty();
      }
      return Optional.of((int) n.value());
    }

    private static String state(int nud) {
      if ((nud & NUD_PERMANENT) != 0) {
        return "permanent";
      }
      if ((nud & NUD_NOARP) != 0) {
        return "static";
      }
      if ((nud & NUD_STALE) != 0) {
        return "stale";
      }
      return "";
    }

    /** print_fdb(), after its filters. */
    private void entry(
        IpPrinter p,
        FdbFilter filter,
        MacAddress mac,
        int vid,
        NetDevice dev,
        NetDevice master,
        int nud) {
      if (!filter.keeps(nud, vid)) {
        return;
      }
      p.openObject(null);
      p.string(Mode.ANY, "mac", "%s ", mac.toString());
      if (filter.showDev()) {
        p.string(Mode.ANY, "ifname", "dev %s ", dev.name());
      }
      if (vid != 0) {
        p.number(Mode.ANY, "vlan", "vlan %d ", vid);
      }
      if (stats && master != null) {
        p.text("used 0/0 ");
      }
      p.openJsonArray("flags");
      if (master == null) {
        p.string(Mode.ANY, null, "%s ", "self");
      }
      p.closeJsonArray();
      if (master != null) {
        p.string(Mode.ANY, "master", "master %s ", master.name());
      }
      p.string(Mode.ANY, "state", "%s", state(nud));
      p.text("\n");
      p.closeObject();
    }

    private int fdbModify(IprouteArgs args, boolean delete, VxlanState.Update how) {
      boolean replace = how != VxlanState.Update.ADD;
      String dev = null;
      MacAddress mac = null;
      boolean self = false;
      boolean master = false;
      String state = null;
      Ipv4Address dst = null;
      int port = 0;
      int vni = -1;
      String via = null;
      int vlan = -1;
      while (args.hasNext()) {
        String word = args.take();
        switch (word) {
          case "dev" -> {
            if (!args.hasNext()) {
              throw IprouteArgs.incompleteCommand();
            }
            dev = args.take();
          }
          case "self" -> self = true;
          case "master" -> master = true;
          case "local", "permanent", "static", "dynamic" -> state = word;
          case "dst" -> {
            String value = value(args);
            dst =
                Ipv4Address.tryParse(value)
                    .orElseThrow(() ->
                        new ToolFailure(
                            1,
                            "Error: any valid address is expected rather than \"" + value + "\"."));
          }
          case "port" -> {
            String value = value(args);
            port =
                LinkRequest.integer(value)
                    .filter(n -> n >= 0 && n <= 65535)
                    .orElseThrow(() -> IprouteArgs.invarg("invalid port\n", value));
          }
          case "vni" -> {
            String value = value(args);
            vni =
                LinkRequest.integer(value)
                    .filter(n -> n >= 0 && n <= VxlanConfig.MAX_VNI)
                    .orElseThrow(() -> IprouteArgs.invarg("invalid VNI\n", value));
          }
          case "via" -> via = value(args);
          case "vlan" -> {
            if (vlan >= 0) {
              throw IprouteArgs.duparg2("vlan", word);
            }
            vlan = BridgeVlanCommand.atoi(value(args)) & 0xFFFF;
          }
          case "use", "router", "extern_learn", "sticky", "src_vni", "nhid" ->
              throw IpLink.unsimulated("\"" + word + "\" in bridge fdb");
          default -> {
            String value = word.equals("to") && args.hasNext() ? args.take() : word;
            mac =
                MacAddress.tryParse(value)
                    .orElseThrow(() -> new ToolFailure(255, "Invalid mac address " + value));
          }
        }
      }
      if (dev == null || mac == null) {
        throw new ToolFailure(255, "Device and address are required arguments.");
      }
      NetDevice device = device(dev);
      if (!self && !master) {
        self = true;
      }
      if (device.kind() instanceof DeviceKind.Vxlan(VxlanState vxlan) && !master && vlan < 0) {
        NetDevice viaDev = via == null ? null : device(via);
        vxlanEntry(vxlan, mac, dst, port, vni, viaDev, state, delete, how);
        return 0;
      }
      if (vlan == 0 || vlan >= 4095) {
        throw new ToolFailure(255, "Error: invalid vlan id.");
      }
      if (device.kind() instanceof DeviceKind.Vxlan && vlan > 0 && !master) {
        throw IpLink.unsimulated("\"vlan\" on a VXLAN device's own entries");
      }
      if (dst != null || port != 0 || vni >= 0 || via != null) {
        throw IpLink.unsimulated("dst, port, vni or via on a device that is not VXLAN");
      }
      try {
        if (master) {
          masterEntry(device, mac, vlan, delete, replace, state);
        } else if (device.isBridge()) {
          masterEntry(device, mac, vlan, delete, replace, state == null ? "permanent" : state);
        } else if (vlan > 0) {
          throw IpLink.unsimulated("\"vlan\" on a device's own address list");
        } else if (delete) {
          if (!device.netns().removeUnicastAddress(device, mac)) {
            throw new KernelException(Errno.ENOENT);
          }
        } else if (!device.netns().addUnicastAddress(device, mac) && !replace) {
          throw new KernelException(Errno.EEXIST);
        }
      } catch (KernelException e) {
        throw new ToolFailure(255, "RTNETLINK answers: " + e.errno().message());
      }
      return 0;
    }

    /** vxlan_fdb_add()/vxlan_fdb_delete(): an entry of a VXLAN device's own table. */
    private void vxlanEntry(
        VxlanState vxlan,
        MacAddress mac,
        Ipv4Address dst,
        int port,
        int vni,
        NetDevice via,
        String state,
        boolean delete,
        VxlanState.Update how) {
      long now = context.world().now();
      try {
        if (delete) {
          vxlan.delete(mac, dst, now);
          return;
        }
        if (dst == null) {
          throw new KernelException(Errno.EINVAL);
        }
        VxlanFdbEntry.State entryState =
            "static".equals(state)
                ? VxlanFdbEntry.State.STATIC
                : "dynamic".equals(state)
                    ? VxlanFdbEntry.State.REACHABLE
                    : VxlanFdbEntry.State.PERMANENT;
        vxlan.update(mac, new VxlanRemote(dst, port, vni, via), entryState, how, now);
      } catch (KernelException e) {
        throw new ToolFailure(
            255,
            e.extack() != null
                ? "Error: " + e.extack() + "."
                : "RTNETLINK answers: " + e.errno().message());
      }
    }

    /**
     * br_fdb_add()/br_fdb_delete() on the bridge a port belongs to. Without {@code vlan} the entry
     * is made (or removed) outside any VLAN and, as br_fdb_add() does "to be nice", in every VLAN
     * of the port; a {@code vlan} the port (or bridge) is not a member of is refused with EINVAL.
     */
    private void masterEntry(
        NetDevice dev, MacAddress mac, int vlan, boolean delete, boolean replace, String state) {
      NetDevice bridge = dev.isBridge() ? dev : dev.master();
      if (bridge == null || (dev.isBridge() && state == null)) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      BridgeVlans vlans = dev.isBridge() ? dev.bridge().vlans() : dev.portSettings().vlans();
      if (delete) {
        List<Integer> vids = vlan > 0 ? List.of(vlan) : withVlans(vlans);
        boolean removed = false;
        for (int vid : vids) {
          removed |= removeEntry(bridge, dev, mac, vid);
        }
        if (!removed) {
          throw new KernelException(Errno.ENOENT);
        }
        return;
      }
      if (vlan > 0 && !vlans.has(vlan)) {
        throw new KernelException(Errno.EINVAL);
      }
      for (int vid : vlan > 0 ? List.of(vlan) : withVlans(vlans)) {
        addEntry(bridge, dev, mac, vid, replace, state);
      }
    }

    /** Vid 0, then each VLAN of the group. */
    private static List<Integer> withVlans(BridgeVlans vlans) {
      List<Integer> vids = new ArrayList<>();
      vids.add(0);
      vids.addAll(vlans.vids());
      return vids;
    }

    private static boolean removeEntry(NetDevice bridge, NetDevice dev, MacAddress mac, int vid) {
      var fdb = bridge.bridge();
      if (fdb.lookup(mac, vid).filter(e -> e.port() == dev).isEmpty()) {
        return false;
      }
      return fdb.remove(mac, vid);
    }

    /** __br_fdb_add(): one entry, for one VLAN. */
    private void addEntry(
        NetDevice bridge, NetDevice dev, MacAddress mac, int vid, boolean replace, String state) {
      var fdb = bridge.bridge();
      if ("dynamic".equals(state)) {
        throw new KernelException(Errno.EPERM);
      }
      if (fdb.lookup(mac, vid).isPresent() && !replace) {
        throw new KernelException(Errno.EEXIST);
      }
      // fdb_add_entry() changes an existing entry in place (port, state), so it keeps its place in
      // the bridge's list (newest first), learned or not; a new one goes to the front
      FdbEntry.Type type = "static".equals(state) ? FdbEntry.Type.STATIC : FdbEntry.Type.LOCAL;
      fdb.put(new FdbEntry(mac, vid, dev, type, context.world().now()));
    }

    // ---- link ----

    private int link(IprouteArgs args) {
      if (args.hasNext() && IprouteArgs.matches(args.peek(), "set")) {
        args.skip();
        return linkSet(args);
      }
      if (args.hasNext()
          && (IprouteArgs.matches(args.peek(), "show")
              || IprouteArgs.matches(args.peek(), "lst")
              || IprouteArgs.matches(args.peek(), "list"))) {
        args.skip();
      }
      NetDevice only = null;
      while (args.hasNext()) {
        String word = args.take();
        if (!word.equals("dev") || !args.hasNext()) {
          throw new ToolFailure(255, "Unknown argument \"" + word + "\"");
        }
        only = device(args.take());
      }
      IpPrinter p = new IpPrinter(options);
      for (NetDevice dev : netns.devices()) {
        if (dev.master() == null || (only != null && dev != only)) {
          continue;
        }
        port(p, dev);
      }
      context.print(p.finish());
      return 0;
    }

    /** print_linkinfo() of bridge/link.c; a foreign peer's ifindex is named from this namespace. */
    private void port(IpPrinter p, NetDevice dev) {
      p.openObject(null);
      p.number(Mode.ANY, "ifindex", "%d: ", dev.ifindex());
      String name = dev.name();
      boolean mDown = false;
      NetDevice peer = dev.vethPeer();
      if (peer != null) {
        Optional<NetDevice> local = netns.device(peer.ifindex());
        String link = local.map(NetDevice::name).orElse("if" + peer.ifindex());
        p.string(Mode.JSON, "link", null, link);
        name = name + "@" + link;
        mDown = local.isPresent() && !local.get().isAdminUp();
      }
      p.string(Mode.TEXT, null, "%s: ", name);
      p.string(Mode.JSON, "ifname", null, dev.name());
      p.openArray("flags", "<");
      List<String> flags = LinkFormatter.flagWords(dev, mDown);
      for (int i = 0; i < flags.size(); i++) {
        p.string(Mode.ANY, null, i < flags.size() - 1 ? "%s," : "%s", flags.get(i));
      }
      p.closeArray("> ");
      p.number(Mode.ANY, "mtu", "mtu %d ", dev.mtu());
      p.string(Mode.ANY, "master", "master %s ", dev.master().name());
      p.string(Mode.ANY, "state", "state %s ", BridgeDetails.portState(dev));
      p.number(Mode.ANY, "priority", "priority %d ", 32);
      BridgePortSettings s = dev.portSettings();
      p.number(Mode.ANY, "cost", "cost %d ", s.cost());
      if (options.details()) {
        p.newline();
        p.text("    ");
        p.onOff("hairpin", "hairpin %s ", s.hairpin());
        p.onOff("guard", "guard %s ", false);
        p.onOff("root_block", "root_block %s ", false);
        p.onOff("fastleave", "fastleave %s ", false);
        p.onOff("learning", "learning %s ", s.learning());
        p.onOff("flood", "flood %s ", s.flood());
        p.onOff("mcast_flood", "mcast_flood %s ", true);
        p.onOff("bcast_flood", "bcast_flood %s ", true);
        p.number(Mode.ANY, "mcast_router", "mcast_router %d ", 1);
        p.onOff("mcast_to_unicast", "mcast_to_unicast %s ", false);
        p.onOff("neigh_suppress", "neigh_suppress %s ", false);
        p.onOff("vlan_tunnel", "vlan_tunnel %s ", false);
        p.onOff("isolated", "isolated %s ", false);
        p.onOff("locked", "locked %s ", false);
      }
      p.text("\n");
      p.closeObject();
    }

    private int linkSet(IprouteArgs args) {
      String dev = null;
      Boolean hairpin = null;
      Boolean learning = null;
      Boolean flood = null;
      Integer cost = null;
      while (args.hasNext()) {
        String word = args.take();
        switch (word) {
          case "dev" -> dev = value(args);
          case "hairpin" -> hairpin = onOff(word, value(args));
          case "learning" -> learning = onOff(word, value(args));
          case "flood" -> flood = onOff(word, value(args));
          case "cost" -> {
            String v = value(args);
            cost =
                LinkRequest.integer(v)
                    .filter(n -> n > 0)
                    .orElseThrow(() -> new ToolFailure(255, "Invalid cost \"" + v + "\""));
          }
          case "self", "master" -> {}
          case "priority",
              "state",
              "guard",
              "fastleave",
              "root_block",
              "learning_sync",
              "mcast_router",
              "mcast_flood",
              "bcast_flood",
              "mcast_to_unicast",
              "neigh_suppress",
              "vlan_tunnel",
              "isolated",
              "locked",
              "hwmode",
              "backup_port",
              "nobackup_port" ->
              throw IpLink.unsimulated("\"" + word + "\" in bridge link set");
          default -> throw new ToolFailure(255, LINK_SET_USAGE);
        }
      }
      if (dev == null) {
        throw new ToolFailure(255, "Device is a required argument.");
      }
      NetDevice device = device(dev);
      BridgePortSettings settings = device.portSettings();
      if (settings == null) {
        throw new ToolFailure(255, "RTNETLINK answers: Operation not supported");
      }
      if (hairpin != null) {
        settings.setHairpin(hairpin);
      }
      if (learning != null) {
        settings.setLearning(learning);
      }
      if (flood != null) {
        settings.setFlood(flood);
      }
      if (cost != null) {
        settings.setCost(cost);
      }
      return 0;
    }

    private static String value(IprouteArgs args) {
      if (!args.hasNext()) {
        throw IprouteArgs.incompleteCommand();
      }
      return args.take();
    }

    private static boolean onOff(String key, String value) {
      return switch (value) {
        case "on" -> true;
        case "off" -> false;
        default ->
            throw new ToolFailure(
                234,
                "Error: argument of \""
                    + key
                    + "\" must be one of \"off\", \"on\", not \""
                    + value
                    + "\"");
      };
    }
  }
}
