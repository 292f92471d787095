package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgePortSettings;
import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VethPair;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ip link}: add (veth, bridge, dummy), set, delete and show. A set request is applied in the
 * kernel's do_setlink() order — namespace, address, MTU, name, master, up/down — and, like one
 * netlink message, keeps the changes made before a step that fails.
 */
final class IpLink {

  /** Device types the real kernel knows that Packetwalk does not simulate (yet). */
  private static final Set<String> UNSIMULATED_TYPES =
      Set.of(
          "vxlan",
          "vlan",
          "macvlan",
          "macvtap",
          "ipvlan",
          "ipvtap",
          "bond",
          "team",
          "vrf",
          "gre",
          "gretap",
          "ipip",
          "sit",
          "ip6tnl",
          "geneve",
          "wireguard",
          "tun",
          "tap",
          "ifb",
          "nlmon",
          "vcan",
          "vxcan",
          "macsec",
          "bareudp",
          "amt",
          "xfrm",
          "erspan",
          "ip6gre",
          "ip6gretap",
          "netdevsim",
          "virt_wifi",
          "dsa",
          "gtp",
          "ipoib",
          "rmnet",
          "wwan",
          "vti",
          "ip6erspan");

  private final IpContext ctx;

  IpLink(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return new LinkListing(ctx, true).run(args);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return add(args);
    }
    if (IprouteArgs.matches(verb, "set") || IprouteArgs.matches(verb, "change")) {
      return set(args);
    }
    if (IprouteArgs.matches(verb, "replace")) {
      throw unsimulated("ip link replace");
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return delete(args);
    }
    if (IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")
        || IprouteArgs.matches(verb, "list")) {
      return new LinkListing(ctx, true).run(args);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.link();
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip link help\".");
  }

  private boolean exists(String name) {
    return ctx.device(name).isPresent();
  }

  static ToolFailure unsimulated(String what) {
    return new ToolFailure(2, "Packetwalk: " + what + " is not simulated");
  }

  // ---- add ----

  private int add(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.nameAndDevDiffer()) {
      throw new ToolFailure(255, "both \"name\" and \"dev\" cannot be used when creating devices.");
    }
    if (request.type == null) {
      throw new ToolFailure(1, "Not enough information: \"type\" argument is required");
    }
    String type = request.type;
    if (UNSIMULATED_TYPES.contains(type)) {
      throw unsimulated("device type \"" + type + "\"");
    }
    return switch (type) {
      case "veth" -> addVeth(request);
      case "bridge" -> addBridge(request);
      case "dummy" -> addDummy(request);
      default -> {
        if (!request.typeArgs.isEmpty()) {
          throw garbage(request.typeArgs.get(0));
        }
        throw new ToolFailure(2, "Error: Unknown device type.");
      }
    };
  }

  private static ToolFailure garbage(String word) {
    return new ToolFailure(
        1, "Garbage instead of arguments \"" + word + " ...\". Try \"ip link help\".");
  }

  /** The namespace a new device is created in: {@code netns NS}, or where ip runs. */
  private NetNamespace targetNetns(LinkRequest request) {
    if (request.netns == null) {
      return ctx.netns();
    }
    return resolveNetns(request.netns);
  }

  private NetNamespace resolveNetns(LinkRequest.NetnsRef ref) {
    Optional<NetNamespace> named = ctx.namedNetns(ref.text());
    if (named.isPresent()) {
      return named.get();
    }
    if (ref.pid() == null) {
      throw IprouteArgs.invarg("Invalid \"netns\" value\n", ref.text());
    }
    if (ref.pid() == 1) {
      return ctx.netns().host().root();
    }
    throw IprouteArgs.rtnetlink(new KernelException(Errno.ESRCH));
  }

  private void checkUnsimulated(LinkRequest request) {
    if (request.unsimulated != null) {
      throw unsimulated("\"" + request.unsimulated + "\"");
    }
  }

  /** "veth%d" with the lowest free number in the namespace, as the kernel names devices. */
  private static String freeName(NetNamespace ns, String template, String alsoTaken) {
    for (int i = 0; ; i++) {
      String candidate = template.replace("%d", Integer.toString(i));
      if (ns.device(candidate).isEmpty() && !candidate.equals(alsoTaken)) {
        return candidate;
      }
    }
  }

  private int addVeth(LinkRequest request) {
    LinkRequest peer = new LinkRequest();
    List<String> typeArgs = request.typeArgs;
    if (!typeArgs.isEmpty()) {
      if (!typeArgs.get(0).equals("peer")) {
        ctx.print(IpUsage.VETH);
        return 1;
      }
      IprouteArgs peerArgs = new IprouteArgs(typeArgs.subList(1, typeArgs.size()));
      peer = LinkRequest.parse(peerArgs, false, this::exists);
      if (peerArgs.hasNext() && IprouteArgs.matches(peerArgs.peek(), "type")) {
        throw IprouteArgs.duparg("type", peerArgs.peek());
      }
    }
    checkUnsimulated(request);
    checkUnsimulated(peer);
    NetNamespace devHome = targetNetns(request);
    NetNamespace peerHome = peer.netns == null ? ctx.netns() : resolveNetns(peer.netns);
    String devName = request.newName();
    if (devName != null && !createdNameFits(devName)) {
      throw new ToolFailure(2, "Error: Attribute failed policy validation.");
    }
    String peerName = peer.newName();
    if (peerName != null && !createdNameFits(peerName)) {
      throw new ToolFailure(2, "Error: Attribute failed policy validation.");
    }
    if (devName != null && devHome.device(devName).isPresent()) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EEXIST));
    }
    LinkRequest peerAttrs = typeArgs.isEmpty() ? request : peer;
    if (peerName == null) {
      peerName = freeName(peerHome, "veth%d", null);
    }
    if (devName == null) {
      devName = freeName(devHome, "veth%d", devHome == peerHome ? peerName : null);
    }
    Optional<MacAddress> devMac = createMac(request);
    Optional<MacAddress> peerMac = createMac(peerAttrs);
    checkCreateMtu(request.mtu);
    checkCreateMtu(peerAttrs.mtu);
    VethPair pair;
    try {
      pair = devHome.addVeth(devName, peerName, peerHome);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    configureNew(pair.second(), peerAttrs, peerMac);
    configureNew(pair.first(), request, devMac);
    return 0;
  }

  /** The kernel's IFLA_IFNAME policy: at most 15 bytes (UTF-8), not characters. */
  private static boolean createdNameFits(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length <= NetDevice.MAX_NAME_LENGTH;
  }

  private static Optional<MacAddress> createMac(LinkRequest request) {
    if (request.address == null) {
      return Optional.empty();
    }
    if (request.address.length != 6) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EINVAL));
    }
    MacAddress mac = request.mac().orElseThrow();
    if (mac.isMulticast() || mac.isZero()) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EADDRNOTAVAIL));
    }
    return Optional.of(mac);
  }

  private static void checkCreateMtu(Integer mtu) {
    if (mtu == null) {
      return;
    }
    if (mtu < 68) {
      throw new ToolFailure(2, "Error: mtu less than device minimum.");
    }
    if (mtu > 65535) {
      throw new ToolFailure(2, "Error: mtu greater than device maximum.");
    }
  }

  /** What rtnl_create_link and rtnl_configure_link apply to a new device. */
  private void configureNew(NetDevice dev, LinkRequest request, Optional<MacAddress> mac) {
    NetNamespace ns = dev.netns();
    mac.ifPresent(m -> ns.setMac(dev, m));
    if (request.mtu != null) {
      ns.setMtu(dev, request.mtu);
    }
    if (request.master != null && !request.master.isEmpty()) {
      ctx.device(request.master).ifPresent(master -> setMaster(dev, master));
    }
    if (Boolean.TRUE.equals(request.up)) {
      ns.setUp(dev, true);
    }
  }

  private void setMaster(NetDevice dev, NetDevice master) {
    try {
      dev.netns().enslave(dev, master);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
  }

  private int addBridge(LinkRequest request) {
    checkUnsimulated(request);
    BridgeOptions options = BridgeOptions.parse(request.typeArgs);
    NetNamespace home = targetNetns(request);
    String name = request.newName() != null ? request.newName() : freeName(home, "bridge%d", null);
    if (!createdNameFits(name)) {
      throw new ToolFailure(2, "Error: Attribute failed policy validation.");
    }
    Optional<MacAddress> mac = createMac(request);
    checkCreateMtu(request.mtu);
    NetDevice bridge;
    try {
      bridge = home.addBridge(name);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    options.applyTo(bridge);
    configureNew(bridge, request, mac);
    return 0;
  }

  private int addDummy(LinkRequest request) {
    if (!request.typeArgs.isEmpty()) {
      throw garbage(request.typeArgs.get(0));
    }
    checkUnsimulated(request);
    NetNamespace home = targetNetns(request);
    String name = request.newName() != null ? request.newName() : freeName(home, "dummy%d", null);
    if (!createdNameFits(name)) {
      throw new ToolFailure(2, "Error: Attribute failed policy validation.");
    }
    Optional<MacAddress> mac = createMac(request);
    NetDevice dummy;
    try {
      dummy = home.addDummy(name);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    configureNew(dummy, request, mac);
    return 0;
  }

  // ---- set ----

  private int set(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.dev == null) {
      throw new ToolFailure(255, "Not enough information: \"dev\" argument is required.");
    }
    Optional<NetDevice> found = ctx.device(request.dev);
    if (found.isPresent() && request.address != null) {
      request.mac();
    }
    NetDevice dev = found.orElseThrow(() -> IprouteArgs.nodev(request.dev));
    if (request.unsimulated != null) {
      throw unsimulated("\"" + request.unsimulated + "\"");
    }
    NetNamespace target = request.netns == null ? null : resolveNetns(request.netns);
    NetDevice master =
        request.master == null || request.master.isEmpty()
            ? null
            : ctx.device(request.master).orElseThrow();
    Runnable typeChange = typeChange(dev, request);
    String newName =
        request.name != null && !request.name.equals(request.dev) ? request.name : null;
    try {
      typeChange.run();
      if (target != null && target != dev.netns()) {
        dev.netns().moveDevice(dev, target, newName);
        newName = null;
      }
      request.mac().ifPresent(mac -> dev.netns().setMac(dev, mac));
      if (request.mtu != null) {
        dev.netns().setMtu(dev, request.mtu);
      }
      if (newName != null) {
        dev.netns().rename(dev, newName);
      }
      if (request.master != null) {
        changeMaster(dev, master);
      }
      if (request.up != null) {
        dev.netns().setUp(dev, request.up);
      }
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  /** do_set_master(): leave the old master, then join the new one (0 = none). */
  private static void changeMaster(NetDevice dev, NetDevice master) {
    if (dev.master() == master) {
      return;
    }
    if (dev.master() != null) {
      dev.netns().releaseFromBridge(dev);
    }
    if (master == null) {
      return;
    }
    if (!master.isBridge()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    dev.netns().enslave(dev, master);
  }

  /** {@code type bridge …} on a bridge, {@code type bridge_slave …} on a port (changelink). */
  private Runnable typeChange(NetDevice dev, LinkRequest request) {
    if (request.type == null) {
      return () -> {};
    }
    String type = request.type;
    if (type.equals("bridge")) {
      BridgeOptions options = BridgeOptions.parse(request.typeArgs);
      if (!dev.isBridge()) {
        return () -> {
          throw new KernelException(Errno.EOPNOTSUPP);
        };
      }
      return () -> options.applyTo(dev);
    }
    if (type.equals("bridge_slave")) {
      PortOptions options = PortOptions.parse(request.typeArgs);
      return () -> {
        if (dev.portSettings() == null) {
          throw new KernelException(Errno.EOPNOTSUPP);
        }
        options.applyTo(dev.portSettings());
      };
    }
    if (type.equals("veth") || type.equals("dummy")) {
      if (!request.typeArgs.isEmpty()) {
        if (type.equals("veth")) {
          ctx.print(IpUsage.VETH);
          throw new ToolFailure(1, "");
        }
        throw garbage(request.typeArgs.get(0));
      }
      return () -> {};
    }
    throw unsimulated("type \"" + type + "\" settings");
  }

  // ---- delete ----

  private int delete(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.dev == null) {
      throw new ToolFailure(255, "Not enough information: \"dev\" argument is required.");
    }
    NetDevice dev = ctx.device(request.dev).orElseThrow(() -> IprouteArgs.nodev(request.dev));
    try {
      dev.netns().deleteDevice(dev);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  // ---- type options ----

  /** The bridge options Packetwalk models: ageing_time, stp_state, nf_call_iptables. */
  private record BridgeOptions(Integer ageingTime, Integer stpState, Integer nfCallIptables) {

    static BridgeOptions parse(List<String> words) {
      Integer ageing = null;
      Integer stp = null;
      Integer nf = null;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        switch (word) {
          case "ageing_time" -> ageing = number(args, "ageing_time");
          case "stp_state" -> stp = number(args, "stp_state");
          case "nf_call_iptables" -> nf = number(args, "nf_call_iptables");
          case "forward_delay",
              "hello_time",
              "max_age",
              "priority",
              "group_fwd_mask",
              "group_address",
              "vlan_filtering",
              "vlan_protocol",
              "vlan_default_pvid",
              "mcast_snooping",
              "mcast_router",
              "mcast_querier",
              "nf_call_ip6tables",
              "nf_call_arptables" ->
              throw unsimulated("bridge option \"" + word + "\"");
          default -> {
            if (IprouteArgs.matches(word, "help")) {
              throw new ToolFailure(255, IpUsage.BRIDGE_OPTIONS.strip());
            }
            throw new ToolFailure(
                1, "bridge: unknown command \"" + word + "\"?\n" + IpUsage.BRIDGE_OPTIONS.strip());
          }
        }
        args.skip();
      }
      return new BridgeOptions(ageing, stp, nf);
    }

    private static int number(IprouteArgs args, String key) {
      String value = args.nextValue();
      return LinkRequest.integer(value)
          .filter(n -> n >= 0)
          .orElseThrow(() -> IprouteArgs.invarg("invalid " + key, value));
    }

    void applyTo(NetDevice bridge) {
      BridgeState state = bridge.bridge();
      if (ageingTime != null) {
        state.setAgeingTimeCs(ageingTime);
      }
      if (stpState != null) {
        bridge.netns().setStp(bridge, stpState != 0);
      }
      if (nfCallIptables != null) {
        state.setNfCallIptables(nfCallIptables != 0);
      }
    }
  }

  /** The bridge port options Packetwalk models: hairpin, learning, flood, cost. */
  private record PortOptions(Boolean hairpin, Boolean learning, Boolean flood, Integer cost) {

    static PortOptions parse(List<String> words) {
      Boolean hairpin = null;
      Boolean learning = null;
      Boolean flood = null;
      Integer cost = null;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        switch (word) {
          case "hairpin" -> hairpin = onOff(args, word);
          case "learning" -> learning = onOff(args, word);
          case "flood" -> flood = onOff(args, word);
          case "cost" -> {
            String value = args.nextValue();
            cost =
                LinkRequest.integer(value)
                    .filter(n -> n > 0)
                    .orElseThrow(() -> IprouteArgs.invarg("invalid path cost", value));
          }
          default -> throw unsimulated("bridge_slave option \"" + word + "\"");
        }
        args.skip();
      }
      return new PortOptions(hairpin, learning, flood, cost);
    }

    private static boolean onOff(IprouteArgs args, String key) {
      String value = args.nextValue();
      return switch (value) {
        case "on" -> true;
        case "off" -> false;
        default -> throw IprouteArgs.onOff(key, value);
      };
    }

    void applyTo(BridgePortSettings settings) {
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
    }
  }
}
