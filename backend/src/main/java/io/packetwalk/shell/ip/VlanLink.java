package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VlanState;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code link LOWER type vlan id ID [protocol 802.1Q] [reorder_hdr on|off]}, printed as NAME@LOWER
 * with {@code vlan protocol 802.1Q id ID <REORDER_HDR>} under {@code -d} (iproute2 6.1's
 * iplink_vlan.c; the kernel's checks are vlan_validate() and vlan_newlink() of 8021q, which this
 * machine's kernel lacks: modelled from their source, see docs/fidelity.md).
 */
final class VlanLink implements LinkType {

  /** iproute2 6.1's explain() for vlan. */
  static final String USAGE =
      "Usage: ... vlan id VLANID\n"
          + "\t\t[ protocol VLANPROTO ]\n"
          + "\t\t[ reorder_hdr { on | off } ]\n"
          + "\t\t[ gvrp { on | off } ]\n"
          + "\t\t[ mvrp { on | off } ]\n"
          + "\t\t[ loose_binding { on | off } ]\n"
          + "\t\t[ bridge_binding { on | off } ]\n"
          + "\t\t[ ingress-qos-map QOS-MAP ]\n"
          + "\t\t[ egress-qos-map QOS-MAP ]\n"
          + "\n"
          + "VLANID := 0-4095\n"
          + "VLANPROTO: [ 802.1Q | 802.1ad ]\n"
          + "QOS-MAP := [ QOS-MAP ] QOS-MAPPING\n"
          + "QOS-MAPPING := FROM:TO";

  private static final int ETH_P_8021Q = 0x8100;
  private static final int ETH_P_8021AD = 0x88a8;

  @Override
  public String name() {
    return "vlan";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 0, 65535, 1, "vlan", 524280);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    Options options = Options.parse(request.typeArgs);
    LinkCreation.checkUnsimulated(request);
    options.validate();
    if (request.typeArgs.isEmpty()) {
      throw kernel(Errno.EINVAL, "VLAN properties not specified");
    }
    if (options.id() == null) {
      throw kernel(Errno.EINVAL, "VLAN id not specified");
    }
    if (request.link == null) {
      throw kernel(Errno.EINVAL, "link not specified");
    }
    NetDevice lower = creation.context().device(request.link).orElseThrow();
    NetNamespace home = creation.targetNetns(request);
    String name = LinkCreation.newName(request, home, "vlan%d");
    Optional<MacAddress> mac = LinkCreation.createMac(request);
    LinkCreation.checkCreateMtu(request.mtu);
    NetDevice vlan =
        LinkCreation.kernel(
            () -> home.addVlan(name, lower, options.id(), mac.orElse(null), request.mtu));
    creation.configureNew(vlan, request, Optional.empty());
    if (options.reorderHeader() != null) {
      home.setVlanReorderHeader(vlan, options.reorderHeader());
    }
    return 0;
  }

  private static ToolFailure kernel(Errno errno, String message) {
    return IprouteArgs.rtnetlink(new KernelException(errno, "8021q: " + message));
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    Options options = Options.parse(typeArgs);
    if (!(dev.kind() instanceof DeviceKind.Vlan)) {
      return () -> {
        throw new KernelException(Errno.EOPNOTSUPP);
      };
    }
    options.validate();
    // vlan_changelink() changes the flags only: a new id or protocol is not applied
    return () -> {
      if (options.reorderHeader() != null) {
        dev.netns().setVlanReorderHeader(dev, options.reorderHeader());
      }
    };
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    if (dev.kind() instanceof DeviceKind.Vlan(VlanState state)) {
      p.string(IpPrinter.Mode.ANY, "protocol", "protocol %s ", "802.1Q");
      p.number(IpPrinter.Mode.ANY, "id", "id %d ", state.id());
      if (state.reorderHeader()) {
        p.openArray("flags", "<");
        p.string(IpPrinter.Mode.ANY, null, "%s", "REORDER_HDR");
        p.closeArray("> ");
      }
    }
  }

  /** What vlan_parse_opt() read; null where a value was not given. */
  private record Options(Integer id, Integer protocol, Boolean reorderHeader) {

    static Options parse(List<String> words) {
      Integer id = null;
      Integer protocol = null;
      Boolean reorder = null;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        if (IprouteArgs.matches(word, "protocol")) {
          String value = args.nextValue();
          protocol =
              protocol(value).orElseThrow(() -> IprouteArgs.invarg("protocol is invalid", value));
        } else if (IprouteArgs.matches(word, "id")) {
          String value = args.nextValue();
          id = unsigned16(value).orElseThrow(() -> IprouteArgs.invarg("id is invalid", value));
        } else if (IprouteArgs.matches(word, "reorder_hdr")) {
          String value = args.nextValue();
          reorder =
              switch (value) {
                case "on" -> true;
                case "off" -> false;
                default -> throw IprouteArgs.onOff("reorder_hdr", value);
              };
        } else if (IprouteArgs.matches(word, "gvrp")
            || IprouteArgs.matches(word, "mvrp")
            || IprouteArgs.matches(word, "loose_binding")
            || IprouteArgs.matches(word, "bridge_binding")
            || IprouteArgs.matches(word, "ingress-qos-map")
            || IprouteArgs.matches(word, "egress-qos-map")) {
          throw IpLink.unsimulated("vlan option \"" + word + "\"");
        } else if (IprouteArgs.matches(word, "help")) {
          throw new ToolFailure(1, USAGE);
        } else {
          throw new ToolFailure(1, "vlan: unknown command \"" + word + "\"?\n" + USAGE);
        }
        args.skip();
      }
      return new Options(id, protocol, reorder);
    }

    /** vlan_validate(): the protocol must be 802.1Q or 802.1ad, the id below 4095. */
    void validate() {
      if (protocol != null && protocol == ETH_P_8021AD) {
        throw IpLink.unsimulated("vlan protocol 802.1ad");
      }
      if (protocol != null && protocol != ETH_P_8021Q) {
        throw kernel(Errno.EPROTONOSUPPORT, "Invalid VLAN protocol");
      }
      if (id != null && id > VlanState.MAX_ID) {
        throw kernel(Errno.ERANGE, "Invalid VLAN id");
      }
    }

    /** ll_proto_a2n(): a protocol name (802.1Q, 802.1ad; any case) or a 16-bit number. */
    private static Optional<Integer> protocol(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "802.1q" -> Optional.of(ETH_P_8021Q);
        case "802.1ad" -> Optional.of(ETH_P_8021AD);
        default -> unsigned16(text);
      };
    }

    /** get_u16(): a whole number in C syntax from 0 to 65535. */
    private static Optional<Integer> unsigned16(String text) {
      InetArgs.Strtoul n = InetArgs.Strtoul.parse(text, 0);
      if (text.isEmpty() || text.startsWith("-") || n.end() != text.length()) {
        return Optional.empty();
      }
      return n.value() > 0xffff ? Optional.empty() : Optional.of((int) n.value());
    }
  }
}
