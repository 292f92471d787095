package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NetDevice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place {@code ip link} learns its device kinds: each kernel {@link DeviceKind} maps to the
 * {@link LinkType} that creates, changes and prints it. A new kind adds its class here.
 */
final class LinkTypes {

  private static final LinkType LOOPBACK = new LoopbackLink();
  private static final LinkType VETH = new VethLink();
  private static final LinkType BRIDGE = new BridgeLink();
  private static final LinkType DUMMY = new DummyLink();
  private static final LinkType PHYSICAL = new PhysicalLink();
  private static final LinkType VXLAN = new VxlanLink();
  private static final LinkType TUN = new TunLink();

  // stacked kinds: a device on a lower device
  private static final LinkType MACVLAN = new MacvlanLink();
  private static final LinkType VLAN = new VlanLink();
  private static final LinkType IPVLAN = new IpvlanLink();

  private static final Map<String, LinkType> BY_NAME =
      List.of(LOOPBACK, VETH, BRIDGE, DUMMY, PHYSICAL, VXLAN, MACVLAN, VLAN, IPVLAN, TUN).stream()
          .filter(LinkType::creatable)
          .collect(Collectors.toUnmodifiableMap(LinkType::name, Function.identity()));

  /** Device types the real kernel knows that Packetwalk does not simulate (yet). */
  private static final Set<String> UNSIMULATED =
      Set.of(
          "macvtap",
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

  private LinkTypes() {}

  /** The link type of an existing device. */
  static LinkType of(NetDevice dev) {
    return switch (dev.kind()) {
      case DeviceKind.Loopback l -> LOOPBACK;
      case DeviceKind.Veth v -> VETH;
      case DeviceKind.Bridge b -> BRIDGE;
      case DeviceKind.Dummy d -> DUMMY;
      case DeviceKind.Physical p -> PHYSICAL;
      case DeviceKind.Vxlan v -> VXLAN;
      case DeviceKind.Macvlan m -> MACVLAN;
      case DeviceKind.Vlan v -> VLAN;
      case DeviceKind.Ipvlan i -> IPVLAN;
      case DeviceKind.Tun t -> TUN;
    };
  }

  /** The type {@code type NAME} names, if {@code ip link add} can make it. */
  static Optional<LinkType> creatable(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Whether NAME is a real kernel device type Packetwalk does not simulate. */
  static boolean unsimulated(String name) {
    return UNSIMULATED.contains(name);
  }

  /** The {@code ip link show type NAME} word a device matches; null for lo and host NICs. */
  static String filterName(NetDevice dev) {
    LinkType type = of(dev);
    return type.creatable() ? type.name() : null;
  }
}
