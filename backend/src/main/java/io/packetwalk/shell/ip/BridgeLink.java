package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgePortSettings;
import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.BridgeVlanRules;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Optional;

/**
 * {@code type bridge [ageing_time N] [stp_state 0|1] [vlan_filtering 0|1] [vlan_protocol 802.1Q]
 * [vlan_default_pvid N] [nf_call_iptables 0|1]} and, on a port, {@code type bridge_slave
 * [hairpin|learning|flood on|off] [cost N]}.
 */
final class BridgeLink implements LinkType {

  @Override
  public String name() {
    return "bridge";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts(
        "ether", 68, 65535, 1, "bridge", dev.bridge().ports().isEmpty() ? 65536 : 524280);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    LinkCreation.checkUnsimulated(request);
    BridgeOptions options = BridgeOptions.parse(request.typeArgs);
    NetNamespace home = creation.targetNetns(request);
    options.checkSimulated(home.host());
    String name = LinkCreation.newName(request, home, "bridge%d");
    Optional<MacAddress> mac = LinkCreation.createMac(request);
    LinkCreation.checkCreateMtu(request.mtu);
    NetDevice bridge = LinkCreation.kernel(() -> home.addBridge(name));
    // br_dev_newlink(): a bridge whose options br_changelink() refuses is unregistered again
    LinkCreation.kernel(() -> {
      try {
        options.applyTo(bridge);
      } catch (KernelException e) {
        home.deleteDevice(bridge);
        throw e;
      }
      return bridge;
    });
    creation.configureNew(bridge, request, mac);
    return 0;
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    BridgeOptions options = BridgeOptions.parse(typeArgs);
    if (!dev.isBridge()) {
      return () -> {
        throw new KernelException(Errno.EOPNOTSUPP);
      };
    }
    options.checkSimulated(dev.netns().host());
    return () -> options.applyTo(dev);
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    BridgeDetails.bridge(p, dev, dev.bridge());
  }

  /** {@code ip link set PORT type bridge_slave ARGS}: the port change, applied in order. */
  static Runnable slaveChange(NetDevice dev, List<String> typeArgs) {
    PortOptions options = PortOptions.parse(typeArgs);
    return () -> {
      if (dev.portSettings() == null) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      options.applyTo(dev.portSettings());
    };
  }

  /**
   * The bridge options Packetwalk models: ageing_time, stp_state, vlan_filtering, vlan_protocol
   * (802.1Q), vlan_default_pvid and nf_call_iptables, applied in br_changelink()'s order.
   */
  private record BridgeOptions(
      Integer ageingTime,
      Integer stpState,
      Integer vlanFiltering,
      Integer vlanProtocol,
      Integer defaultPvid,
      Integer nfCallIptables) {

    private static final int ETH_P_8021Q = 0x8100;
    private static final int ETH_P_8021AD = 0x88a8;

    static BridgeOptions parse(List<String> words) {
      Integer ageing = null;
      Integer stp = null;
      Integer filtering = null;
      Integer protocol = null;
      Integer pvid = null;
      Integer nf = null;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        switch (word) {
          case "ageing_time" -> ageing = number(args, "ageing_time");
          case "stp_state" -> stp = number(args, "stp_state");
          case "vlan_filtering" -> filtering = bounded(args, "vlan_filtering", 0xFF);
          case "vlan_protocol" -> protocol = protocol(args);
          case "vlan_default_pvid" -> pvid = bounded(args, "vlan_default_pvid", 0xFFFF);
          case "nf_call_iptables" -> nf = number(args, "nf_call_iptables");
          case "forward_delay",
              "hello_time",
              "max_age",
              "priority",
              "group_fwd_mask",
              "group_address",
              "vlan_stats_enabled",
              "vlan_stats_per_port",
              "mcast_snooping",
              "mcast_router",
              "mcast_querier",
              "nf_call_ip6tables",
              "nf_call_arptables" ->
              throw IpLink.unsimulated("bridge option \"" + word + "\"");
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
      return new BridgeOptions(ageing, stp, filtering, protocol, pvid, nf);
    }

    private static int number(IprouteArgs args, String key) {
      String value = args.nextValue();
      return LinkRequest.integer(value)
          .filter(n -> n >= 0)
          .orElseThrow(() -> IprouteArgs.invarg("invalid " + key, value));
    }

    /** get_u8()/get_u16(): a number up to {@code max}. */
    private static int bounded(IprouteArgs args, String key, int max) {
      String value = args.nextValue();
      return LinkRequest.integer(value)
          .filter(n -> n >= 0 && n <= max)
          .orElseThrow(() -> IprouteArgs.invarg("invalid " + key, value));
    }

    /** ll_proto_a2n(): 802.1Q, 802.1ad (any case) or a 16-bit number. */
    private static int protocol(IprouteArgs args) {
      String value = args.nextValue();
      if (value.equalsIgnoreCase("802.1Q")) {
        return ETH_P_8021Q;
      }
      if (value.equalsIgnoreCase("802.1ad")) {
        return ETH_P_8021AD;
      }
      return LinkRequest.integer(value)
          .filter(n -> n >= 0 && n <= 0xFFFF)
          .orElseThrow(() -> IprouteArgs.invarg("invalid vlan_protocol", value));
    }

    /** Packetwalk carries only 802.1Q tags: 802.1ad on a kernel that would take it is refused. */
    void checkSimulated(Host host) {
      if (vlanProtocol != null && vlanProtocol == ETH_P_8021AD && host.bridgeVlanFiltering()) {
        throw IpLink.unsimulated("vlan_protocol 802.1ad");
      }
    }

    void applyTo(NetDevice bridge) {
      BridgeState state = bridge.bridge();
      if (ageingTime != null) {
        state.setAgeingTimeCs(ageingTime);
      }
      if (stpState != null) {
        bridge.netns().setStp(bridge, stpState != 0);
      }
      if (vlanFiltering != null) {
        BridgeVlanRules.setFiltering(bridge, vlanFiltering != 0);
      }
      if (vlanProtocol != null && bridge.netns().host().bridgeVlanFiltering()) {
        // br_vlan_set_proto(): 802.1Q or 802.1ad (refused as unsimulated before this point)
        if (vlanProtocol != ETH_P_8021Q && vlanProtocol != ETH_P_8021AD) {
          throw new KernelException(Errno.EPROTONOSUPPORT);
        }
      }
      if (defaultPvid != null) {
        BridgeVlanRules.setDefaultPvid(bridge, defaultPvid, bridge.netns().world().now());
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
          default -> throw IpLink.unsimulated("bridge_slave option \"" + word + "\"");
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
