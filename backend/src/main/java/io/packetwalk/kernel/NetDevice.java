package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network device in one namespace: name, index, kind, link settings, addresses and counters.
 * Changes that have kernel side effects (up/down, moving, enslaving, addresses) go through {@link
 * NetNamespace} so routes and neighbours follow.
 */
public final class NetDevice {

  private final DeviceKind kind;
  private NetNamespace netns;
  private int ifindex;
  private String name;
  private MacAddress mac;
  private int mtu;
  private boolean adminUp;
  private NetDevice master;
  private BridgePortSettings portSettings;
  private final List<InterfaceAddress> addresses = new ArrayList<>();
  private final List<NetDevice> uppers = new ArrayList<>();
  private final DeviceCounters counters = new DeviceCounters();

  NetDevice(
      NetNamespace netns, int ifindex, String name, DeviceKind kind, MacAddress mac, int mtu) {
    this.netns = netns;
    this.ifindex = ifindex;
    this.name = name;
    this.kind = kind;
    this.mac = mac;
    this.mtu = mtu;
  }

  public DeviceKind kind() {
    return kind;
  }

  public NetNamespace netns() {
    return netns;
  }

  void moveTo(NetNamespace target, int newIfindex) {
    this.netns = target;
    this.ifindex = newIfindex;
    linkChanged();
  }

  public int ifindex() {
    return ifindex;
  }

  public String name() {
    return name;
  }

  void rename(String newName) {
    this.name = newName;
    linkChanged();
  }

  public MacAddress mac() {
    return mac;
  }

  void setMac(MacAddress newMac) {
    this.mac = newMac;
    linkChanged();
  }

  public int mtu() {
    return mtu;
  }

  void setMtuValue(int newMtu) {
    this.mtu = newMtu;
    linkChanged();
  }

  public boolean isAdminUp() {
    return adminUp;
  }

  void setAdminUpValue(boolean up) {
    this.adminUp = up;
    linkChanged();
  }

  /** The bridge this device is a port of, or null. */
  public NetDevice master() {
    return master;
  }

  /** Per-port bridge settings while enslaved, else null. */
  public BridgePortSettings portSettings() {
    return portSettings;
  }

  void enslave(NetDevice bridge) {
    this.master = bridge;
    this.portSettings = bridge == null ? null : new BridgePortSettings();
    linkChanged();
  }

  /** Tells the world that this device's link changed (see {@link World#linkChanged}). */
  void linkChanged() {
    netns.world().linkChanged(this);
  }

  public List<InterfaceAddress> addresses() {
    return Collections.unmodifiableList(addresses);
  }

  List<InterfaceAddress> mutableAddresses() {
    return addresses;
  }

  public DeviceCounters counters() {
    return counters;
  }

  public boolean isLoopback() {
    return kind instanceof DeviceKind.Loopback;
  }

  public boolean isBridge() {
    return kind instanceof DeviceKind.Bridge;
  }

  /** The bridge state, for a bridge device; throws otherwise. */
  public BridgeState bridge() {
    if (kind instanceof DeviceKind.Bridge(BridgeState state)) {
      return state;
    }
    throw new IllegalStateException(name + " is not a bridge");
  }

  /** The other end, for a veth; null otherwise. */
  public NetDevice vethPeer() {
    return kind instanceof DeviceKind.Veth(VethPair pair) ? pair.peerOf(this) : null;
  }

  /** The device of this one's IFLA_LINK (printed after "@"): a veth's peer, a lower device. */
  public NetDevice linkDevice() {
    return switch (kind) {
      case DeviceKind.Veth(VethPair pair) -> pair.peerOf(this);
      case DeviceKind.Stacked stacked -> stacked.lower();
      default -> null;
    };
  }

  /** The devices stacked on this one (macvlans, vlans, ipvlans), in the order they were made. */
  public List<NetDevice> uppers() {
    return Collections.unmodifiableList(uppers);
  }

  void addUpper(NetDevice upper) {
    uppers.add(upper);
  }

  void removeUpper(NetDevice upper) {
    uppers.remove(upper);
  }

  /**
   * The promiscuity count {@code ip -d link} prints: one as a bridge port, plus what its macvlans
   * ask of it (see {@link MacvlanRules#lowerPromiscuity}).
   */
  public int promiscuity() {
    return (master != null ? 1 : 0) + MacvlanRules.lowerPromiscuity(this);
  }

  /** Whether the device has no link layer address resolution (loopback). */
  public boolean isNoArp() {
    return kind instanceof DeviceKind.Loopback || kind instanceof DeviceKind.Dummy;
  }

  /** Whether the device has carrier (LOWER_UP), following the kernel's per-kind rules. */
  public boolean hasCarrier() {
    if (!adminUp) {
      return switch (kind) {
        case DeviceKind.Dummy d -> true;
        case DeviceKind.Physical p -> p.cable().isPlugged();
        case DeviceKind.Stacked s -> s.carrierFromLower();
        default -> false;
      };
    }
    return switch (kind) {
      case DeviceKind.Loopback l -> true;
      case DeviceKind.Dummy d -> true;
      case DeviceKind.Veth v -> v.pair().peerOf(this).isAdminUp();
      case DeviceKind.Bridge b ->
          !b.state().portsDecideCarrier()
              || b.state().ports().stream().anyMatch(p -> p.isAdminUp() && p.hasCarrier());
      case DeviceKind.Physical p -> p.cable().isPlugged();
      case DeviceKind.Stacked s -> s.carrierFromLower();
    };
  }

  /** Up and with carrier: frames can actually be sent. */
  public boolean isRunning() {
    return adminUp && hasCarrier();
  }

  public OperState operState() {
    if (!adminUp) {
      return OperState.DOWN;
    }
    return switch (kind) {
      case DeviceKind.Loopback l -> OperState.UNKNOWN;
      case DeviceKind.Dummy d -> OperState.UNKNOWN;
      case DeviceKind.Veth v -> hasCarrier() ? OperState.UP : OperState.LOWERLAYERDOWN;
      case DeviceKind.Bridge b ->
          !b.state().portsDecideCarrier()
              ? OperState.UNKNOWN
              : hasCarrier() ? OperState.UP : OperState.DOWN;
      case DeviceKind.Physical p -> hasCarrier() ? OperState.UP : OperState.DOWN;
      case DeviceKind.Stacked s -> hasCarrier() ? OperState.UP : OperState.LOWERLAYERDOWN;
    };
  }

  /** The primary addresses, in the order they were added. */
  public List<InterfaceAddress> primaryAddresses() {
    return addresses.stream().filter(a -> !a.secondary()).toList();
  }

  @Override
  public String toString() {
    return name + "#" + ifindex;
  }
}
