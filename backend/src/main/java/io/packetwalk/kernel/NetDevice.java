package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network device in one namespace: name, index, kind, link settings, addresses and counters, and
 * the link state the host's {@link Linkwatch} derives (operstate, qdisc, IPv6 addresses). Changes
 * that have kernel side effects (up/down, moving, enslaving, addresses) go through {@link
 * NetNamespace} so routes, neighbours and link events follow.
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
  private final LinkState link = new LinkState();

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

  /** Becomes port {@code portNumber} of {@code bridge}, or no port at all when it is null. */
  void enslave(NetDevice bridge, int portNumber) {
    this.master = bridge;
    this.portSettings = bridge == null ? null : new BridgePortSettings(portNumber);
    linkChanged();
  }

  /** Tells the host's linkwatch that this device's link changed (see {@link Linkwatch#fire}). */
  void linkChanged() {
    netns.host().linkwatch().fire(this);
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

  /**
   * Whether the device has no link layer address resolution (loopback, dummy, a TUN, l3 ipvlan).
   */
  public boolean isNoArp() {
    return kind instanceof DeviceKind.Loopback
        || kind instanceof DeviceKind.Dummy
        || (kind instanceof DeviceKind.Ipvlan(IpvlanState state) && state.port().mode().noArp())
        || (kind instanceof DeviceKind.Tun(TunState tun) && tun.isTun());
  }

  /** Whether the device has carrier (LOWER_UP): its kind's rule ({@link DeviceKind#carrier}). */
  public boolean hasCarrier() {
    return kind.carrier(this);
  }

  /**
   * The RFC 2863 operational state {@code ip link} prints: DOWN when admin down; UNKNOWN while the
   * driver has never reported carrier ({@link DeviceKind#reportsCarrier}); otherwise what linkwatch
   * last derived.
   */
  public OperState operState() {
    if (!adminUp) {
      return OperState.DOWN;
    }
    return kind.reportsCarrier(this) ? link.operState : OperState.UNKNOWN;
  }

  /** IFF_RUNNING: up and operationally up (or unknown), so frames can actually be sent. */
  public boolean isRunning() {
    OperState state = operState();
    return adminUp && (state == OperState.UP || state == OperState.UNKNOWN);
  }

  /**
   * The root qdisc's kind: "noop" until first brought up in its namespace, then the kind's ({@link
   * DeviceKind#qdiscWhenUp}).
   */
  public String qdisc() {
    return link.qdiscAttached ? kind.qdiscWhenUp() : "noop";
  }

  /**
   * Whether the device is a bridge port in the forwarding state (STP is never on here): its bridge
   * is up and it is running; br_port_carrier_check() disables a port that is not.
   */
  public boolean isForwardingPort() {
    return master != null && master.isAdminUp() && isRunning();
  }

  /** The bridge port number while enslaved (1, 2, … as find_portno() handed it out), else 0. */
  public int portNumber() {
    return portSettings == null ? 0 : portSettings.portNumber();
  }

  /** The IPv6 addresses the kernel configured on the device (see {@link Addrconf}). */
  public List<Inet6Address> inet6Addresses() {
    return List.copyOf(link.inet6);
  }

  /**
   * Extra unicast addresses the device accepts ({@code bridge fdb add MAC dev DEV self} on a device
   * that is not a bridge), in the order they were added.
   */
  public List<MacAddress> unicastAddresses() {
    return List.copyOf(link.unicast);
  }

  /**
   * The link-layer multicast addresses the device listens to ("self permanent" in {@code bridge
   * fdb}): all-nodes (33:33:00:00:00:01) always; once up, for a bridge the multicast-router groups
   * and for everyone all-hosts (01:00:5e:00:00:01); and the solicited-node group of its link-local
   * address.
   */
  public List<MacAddress> multicastAddresses() {
    if (isLoopback()) {
      return List.of();
    }
    List<MacAddress> groups = new ArrayList<>();
    groups.add(MacAddress.parse("33:33:00:00:00:01"));
    if (adminUp) {
      if (isBridge()) {
        groups.add(MacAddress.parse("01:00:5e:00:00:6a"));
        groups.add(MacAddress.parse("33:33:00:00:00:6a"));
      }
      groups.add(MacAddress.parse("01:00:5e:00:00:01"));
    }
    if (!link.inet6.isEmpty() && link.linkLocalMac != null) {
      long low = link.linkLocalMac.bits() & 0xff_ffffL;
      groups.add(new MacAddress(0x3333_ff00_0000L | low));
    }
    return groups;
  }

  /**
   * The IPv6 address generation mode {@code ip -d link} prints: eui64, or random once addrconf
   * configured a device without a MAC (a TUN).
   */
  public String addrGenMode() {
    return link.addrGenRandom ? "random" : "eui64";
  }

  /** What linkwatch keeps about this device's link. */
  LinkState linkState() {
    return link;
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
