package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.List;
import java.util.Optional;

/**
 * {@code type vxlan id VNI [dstport P] [local IP] [remote IP | group IP] [dev DEV] [ttl N|auto|
 * inherit] [srcport MIN MAX] [ageing S] [[no]learning] [[no]proxy] [[no]l2miss] [[no]l3miss]
 * [[no]udpcsum]}, parsed as iproute2 6.1's vxlan_parse_opt() does and printed as vxlan_print_opt().
 */
final class VxlanLink implements LinkType {

  /** The {@code ttl inherit} setting, kept as a TTL that no packet can have. */
  static final int TTL_INHERIT = -1;

  @Override
  public String name() {
    return "vxlan";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    boolean bound = state(dev).config().lower() != null;
    return new KindFacts("ether", 68, 65535, 1, "vxlan", bound ? 524280 : 65536);
  }

  @Override
  public Optional<NetNamespace> foreignLinkNetns(NetDevice dev) {
    return Optional.of(state(dev).underlay());
  }

  private static VxlanState state(NetDevice dev) {
    return ((DeviceKind.Vxlan) dev.kind()).state();
  }

  /** What the words asked for; null fields were not given. */
  private static final class Options {
    Integer vni;
    Integer dstPort;
    Ipv4Address local;
    Ipv4Address remote;
    Ipv4Address group;
    NetDevice lower;
    Boolean learning;
    Boolean proxy;
    Boolean l2miss;
    Boolean l3miss;
    Integer ttl;
    int[] srcPorts;
    Integer ageing;
    final java.util.Set<String> seen = new java.util.HashSet<>();

    void once(String key, String value) {
      if (!seen.add(key)) {
        throw IprouteArgs.duparg2(key, value);
      }
    }
  }

  private static Options parse(LinkCreation creation, List<String> words) {
    Options o = new Options();
    IprouteArgs args = new IprouteArgs(words);
    while (args.hasNext()) {
      String word = args.peek();
      if (IprouteArgs.matches(word, "id") || IprouteArgs.matches(word, "vni")) {
        String value = args.nextValue();
        o.once("id", value);
        o.vni =
            unsigned(value)
                .filter(n -> n <= VxlanConfig.MAX_VNI)
                .orElseThrow(() -> IprouteArgs.invarg("invalid id", value));
      } else if (IprouteArgs.matches(word, "group")) {
        if (o.remote != null) {
          throw bothGroupAndRemote();
        }
        String value = args.nextValue();
        o.once("group", value);
        Ipv4Address address = address(value);
        if (!address.isMulticast()) {
          throw IprouteArgs.invarg("invalid group address", value);
        }
        o.group = address;
      } else if (IprouteArgs.matches(word, "remote")) {
        if (o.group != null) {
          throw bothGroupAndRemote();
        }
        String value = args.nextValue();
        o.once("group", value);
        Ipv4Address address = address(value);
        if (address.isMulticast() || address.equals(Ipv4Address.ANY)) {
          throw IprouteArgs.invarg("invalid remote address", value);
        }
        o.remote = address;
      } else if (IprouteArgs.matches(word, "local")) {
        String value = args.nextValue();
        o.once("local", value);
        Ipv4Address address = address(value);
        if (address.isMulticast() || address.equals(Ipv4Address.ANY)) {
          throw IprouteArgs.invarg("invalid local address", value);
        }
        o.local = address;
      } else if (IprouteArgs.matches(word, "dev")) {
        String value = args.nextValue();
        o.once("dev", value);
        o.lower =
            creation
                .context()
                .device(value)
                .orElseThrow(() -> new ToolFailure(255, "Cannot find device \"" + value + "\""));
      } else if (IprouteArgs.matches(word, "ttl") || IprouteArgs.matches(word, "hoplimit")) {
        String value = args.nextValue();
        o.once("ttl", value);
        o.ttl = ttl(value);
      } else if (IprouteArgs.matches(word, "port") || IprouteArgs.matches(word, "srcport")) {
        String low = args.nextValue();
        o.once("srcport", low);
        int min = port(low).orElseThrow(() -> IprouteArgs.invarg("min port", low));
        String high = args.nextValue();
        int max = port(high).orElseThrow(() -> IprouteArgs.invarg("max port", high));
        o.srcPorts = new int[] {min, max};
      } else if (IprouteArgs.matches(word, "dstport")) {
        String value = args.nextValue();
        o.once("dstport", value);
        o.dstPort = port(value).orElseThrow(() -> IprouteArgs.invarg("dst port", value));
      } else if (IprouteArgs.matches(word, "ageing")) {
        String value = args.nextValue();
        o.once("ageing", value);
        o.ageing =
            value.equals("none")
                ? 0
                : unsigned(value).orElseThrow(() -> IprouteArgs.invarg("ageing timer", value));
      } else if (!flag(o, word)) {
        if (IprouteArgs.matches(word, "help")) {
          throw new ToolFailure(1, IpUsage.VXLAN.stripTrailing());
        }
        if (UNSIMULATED_OPTIONS.contains(word)) {
          throw IpLink.unsimulated("vxlan option \"" + word + "\"");
        }
        throw new ToolFailure(
            1, "vxlan: unknown command \"" + word + "\"?\n" + IpUsage.VXLAN.stripTrailing());
      }
      args.skip();
    }
    if (o.group != null && o.lower == null) {
      throw new ToolFailure(1, "vxlan: 'group' requires 'dev' to be specified");
    }
    return o;
  }

  private static final java.util.Set<String> UNSIMULATED_OPTIONS =
      java.util.Set.of(
          "tos",
          "dsfield",
          "df",
          "flowlabel",
          "label",
          "maxaddress",
          "rsc",
          "norsc",
          "external",
          "noexternal",
          "gbp",
          "gpe",
          "vnifilter",
          "novnifilter",
          "udp6zerocsumtx",
          "noudp6zerocsumtx",
          "udp6zerocsumrx",
          "noudp6zerocsumrx",
          "remcsumtx",
          "noremcsumtx",
          "remcsumrx",
          "noremcsumrx",
          "localbypass",
          "nolocalbypass");

  /** The on/off words, checked in iproute2's order (so "no" selects nolearning). */
  private static boolean flag(Options o, String word) {
    String[][] table = {
      {"nolearning", "learning", "0"},
      {"learning", "learning", "1"},
      {"noproxy", "proxy", "0"},
      {"proxy", "proxy", "1"},
      {"nol2miss", "l2miss", "0"},
      {"l2miss", "l2miss", "1"},
      {"nol3miss", "l3miss", "0"},
      {"l3miss", "l3miss", "1"},
      {"udpcsum", "udpcsum", "1"},
      {"noudpcsum", "udpcsum", "0"},
    };
    for (String[] row : table) {
      if (IprouteArgs.matches(word, row[0])) {
        o.once(row[1], word);
        boolean on = row[2].equals("1");
        switch (row[1]) {
          case "learning" -> o.learning = on;
          case "proxy" -> o.proxy = on;
          case "l2miss" -> o.l2miss = on;
          case "l3miss" -> o.l3miss = on;
          default -> {
            if (!on) {
              throw IpLink.unsimulated("vxlan option \"noudpcsum\"");
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  private static ToolFailure bothGroupAndRemote() {
    return new ToolFailure(1, "vxlan: both group and remote cannot be specified");
  }

  private static Ipv4Address address(String text) {
    return Ipv4Address.tryParse(text)
        .orElseThrow(() ->
            new ToolFailure(
                1, "Error: any valid address is expected rather than \"" + text + "\"."));
  }

  private static int ttl(String value) {
    if (value.equals("inherit")) {
      return TTL_INHERIT;
    }
    if (value.equals("auto")) {
      return 0;
    }
    int n = unsigned(value).orElseThrow(() -> IprouteArgs.invarg("invalid TTL", value));
    if (n > 255) {
      throw IprouteArgs.invarg("TTL must be <= 255", value);
    }
    return n;
  }

  private static Optional<Integer> unsigned(String text) {
    return LinkRequest.integer(text).filter(n -> n >= 0);
  }

  private static Optional<Integer> port(String text) {
    return unsigned(text).filter(n -> n <= 65535);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    LinkCreation.checkUnsimulated(request);
    Options o = parse(creation, request.typeArgs);
    if (o.dstPort == null && o.vni != null) {
      creation
          .context()
          .tool()
          .errln(
              "vxlan: destination port not specified\n"
                  + "Will use Linux kernel default (non-standard value)\n"
                  + "Use 'dstport 4789' to get the IANA assigned value\n"
                  + "Use 'dstport 0' to get default and quiet this message");
    }
    NetNamespace home = creation.targetNetns(request);
    String name = LinkCreation.newName(request, home, "vxlan%d");
    Optional<MacAddress> mac = LinkCreation.createMac(request);
    LinkCreation.checkCreateMtu(request.mtu);
    if (o.vni == null) {
      throw new ToolFailure(2, "Error: Required attributes not provided to perform the operation.");
    }
    int dstPort = o.dstPort == null || o.dstPort == 0 ? VxlanConfig.LINUX_DEFAULT_PORT : o.dstPort;
    VxlanConfig config =
        new VxlanConfig(
            o.vni,
            dstPort,
            o.local,
            o.remote,
            o.group,
            o.lower,
            o.learning == null || o.learning,
            Boolean.TRUE.equals(o.proxy),
            Boolean.TRUE.equals(o.l2miss),
            Boolean.TRUE.equals(o.l3miss),
            o.ttl == null ? 0 : o.ttl,
            o.srcPorts == null ? 0 : o.srcPorts[0],
            o.srcPorts == null ? 0 : o.srcPorts[1],
            o.ageing == null ? VxlanConfig.DEFAULT_AGEING_SECONDS : o.ageing);
    checkVniFree(home, config);
    NetDevice dev = LinkCreation.kernel(() -> home.addVxlan(name, config));
    creation.configureNew(dev, request, mac);
    return 0;
  }

  /** vxlan_vni_in_use(): one device per VNI and port in a namespace. */
  private static void checkVniFree(NetNamespace home, VxlanConfig config) {
    for (NetDevice other : home.devices()) {
      if (other.kind() instanceof DeviceKind.Vxlan(VxlanState vx)
          && vx.config().vni() == config.vni()
          && vx.config().dstPort() == config.dstPort()) {
        throw new ToolFailure(2, "Error: A VXLAN device with the specified VNI already exists.");
      }
    }
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    Options o = parse(creation, typeArgs);
    if (o.vni != null || o.dstPort != null || o.lower != null || o.srcPorts != null) {
      throw IpLink.unsimulated("changing a VXLAN device's id, dstport, dev or srcport");
    }
    return () -> {
      if (!(dev.kind() instanceof DeviceKind.Vxlan(VxlanState vx))) {
        throw new KernelException(io.packetwalk.kernel.Errno.EOPNOTSUPP);
      }
      VxlanConfig c = vx.config();
      dev.netns()
          .changeVxlan(
              dev,
              new VxlanConfig(
                  c.vni(),
                  c.dstPort(),
                  o.local != null ? o.local : c.local(),
                  o.remote != null ? o.remote : c.remote(),
                  o.group != null ? o.group : c.group(),
                  c.lower(),
                  o.learning != null ? o.learning : c.learning(),
                  o.proxy != null ? o.proxy : c.proxy(),
                  o.l2miss != null ? o.l2miss : c.l2miss(),
                  o.l3miss != null ? o.l3miss : c.l3miss(),
                  o.ttl != null ? o.ttl : c.ttl(),
                  c.srcPortLow(),
                  c.srcPortHigh(),
                  o.ageing != null ? o.ageing : c.ageingSeconds()));
    };
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  /** vxlan_print_opt(). */
  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    VxlanConfig c = state(dev).config();
    p.number(Mode.ANY, "id", "id %d ", c.vni());
    if (c.group() != null) {
      p.string(Mode.ANY, "group", "group %s ", c.group().toString());
    } else if (c.remote() != null) {
      p.string(Mode.ANY, "remote", "remote %s ", c.remote().toString());
    }
    if (c.local() != null) {
      p.string(Mode.ANY, "local", "local %s ", c.local().toString());
    }
    if (c.lower() != null) {
      String lower =
          c.lower().netns() == dev.netns() ? c.lower().name() : "if" + c.lower().ifindex();
      p.string(Mode.ANY, "link", "dev %s ", lower);
    }
    if (p.isJson()) {
      p.openObject("port_range");
      p.number(Mode.JSON, "low", null, c.srcPortLow());
      p.number(Mode.JSON, "high", null, c.srcPortHigh());
      p.closeObject();
    } else {
      p.text("srcport " + c.srcPortLow() + " " + c.srcPortHigh() + " ");
    }
    p.number(Mode.ANY, "port", "dstport %d ", c.dstPort());
    p.literal(Mode.JSON, "learning", null, Boolean.toString(c.learning()));
    if (!c.learning()) {
      p.text("nolearning ");
    }
    if (c.proxy()) {
      p.onOffFlag("proxy");
    }
    if (c.l2miss()) {
      p.onOffFlag("l2miss");
    }
    if (c.l3miss()) {
      p.onOffFlag("l3miss");
    }
    if (c.ttl() == TTL_INHERIT) {
      p.text("ttl inherit ");
    } else if (c.ttl() == 0) {
      p.number(Mode.JSON, "ttl", null, 0);
      p.text("ttl auto ");
    } else {
      p.number(Mode.ANY, "ttl", "ttl %d ", c.ttl());
    }
    p.string(Mode.JSON, "df", null, "unset");
    p.number(Mode.ANY, "ageing", "ageing %d ", c.ageingSeconds());
    p.literal(Mode.JSON, "udp_csum", null, "true");
    p.text("udpcsum ");
    p.literal(Mode.JSON, "udp_zero_csum6_tx", null, "false");
    p.text("noudp6zerocsumtx ");
    p.literal(Mode.JSON, "udp_zero_csum6_rx", null, "false");
    p.text("noudp6zerocsumrx ");
  }
}
