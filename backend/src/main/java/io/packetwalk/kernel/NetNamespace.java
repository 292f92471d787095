package io.packetwalk.kernel;

import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One network namespace of one host: its devices (by ifindex), routing, neighbours and sysctls.
 * Device and address changes are made here so that the kernel's side effects follow (routes appear
 * and vanish, veth peers lose carrier, bridges recompute their MAC and MTU).
 */
public final class NetNamespace {

  private final Host host;
  private final String name;
  private final int sequence;
  private final TreeMap<Integer, NetDevice> devices = new TreeMap<>();
  private final Map<String, NetDevice> devicesByName = new HashMap<>();
  private final Fib fib = new Fib(this);
  private final NeighbourTable neighbours = new NeighbourTable();
  private final NetfilterState netfilter = new NetfilterState();
  private final Sysctls sysctls = new Sysctls(this::sysctlsWritten);
  private final Map<NetNamespace, Integer> peerIds = new LinkedHashMap<>();
  private final BitSet usedPeerIds = new BitSet();
  private int nextIfindex = 1;

  NetNamespace(Host host, String name, int sequence) {
    this.host = host;
    this.name = name;
    this.sequence = sequence;
    register("lo", new DeviceKind.Loopback(), MacAddress.ZERO, 65536, 0);
  }

  /**
   * Where the host lists this namespace: 0 for the root, then named namespaces in the order they
   * were made (a deleted one's number is not reused), the order of {@link Host#namespaces()}.
   */
  public int sequence() {
    return sequence;
  }

  public Host host() {
    return host;
  }

  /** The name under /var/run/netns, or "" for the host's root namespace. */
  public String name() {
    return name;
  }

  public boolean isRoot() {
    return name.isEmpty();
  }

  /** The name a learner reads: the netns name, or "HOST (root)". */
  public String displayName() {
    return isRoot() ? host.name() + " (root)" : name;
  }

  public Fib fib() {
    return fib;
  }

  /** iptables tables, conntrack and ipsets of this namespace. */
  public NetfilterState netfilter() {
    return netfilter;
  }

  public NeighbourTable neighbours() {
    return neighbours;
  }

  public Sysctls sysctls() {
    return sysctls;
  }

  public World world() {
    return host.world();
  }

  // ---- devices ----

  /** Devices in ifindex order (the order the kernel dumps them). */
  public List<NetDevice> devices() {
    return List.copyOf(devices.values());
  }

  /** A sysctl write may change any device's derived link state (disable_ipv6 among others). */
  private void sysctlsWritten() {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      devices.values().forEach(NetDevice::linkChanged);
    }
  }

  /**
   * Visits the devices in ifindex order without copying them, for walks that run after every
   * command; the action must not add or remove devices.
   */
  public void forEachDevice(Consumer<NetDevice> action) {
    devices.values().forEach(action);
  }

  public Optional<NetDevice> device(String deviceName) {
    return Optional.ofNullable(devicesByName.get(deviceName));
  }

  public Optional<NetDevice> device(int ifindex) {
    return Optional.ofNullable(devices.get(ifindex));
  }

  /** The device by name, or ENODEV. */
  public NetDevice requireDevice(String deviceName) {
    return device(deviceName).orElseThrow(() -> new KernelException(Errno.ENODEV));
  }

  public NetDevice loopback() {
    return devices.get(1);
  }

  private NetDevice register(String devName, DeviceKind kind, MacAddress mac, int mtu, int want) {
    int index = want > 0 && !devices.containsKey(want) ? want : allocateIfindex();
    NetDevice dev = new NetDevice(this, index, devName, kind, mac, mtu);
    devices.put(index, dev);
    devicesByName.put(devName, dev);
    host.deviceRegistered(dev);
    sysctls.deviceAdded(devName);
    dev.linkChanged();
    return dev;
  }

  private int allocateIfindex() {
    while (devices.containsKey(nextIfindex)) {
      nextIfindex++;
    }
    return nextIfindex++;
  }

  private void checkNewName(String devName) {
    checkNameSyntax(devName);
    if (device(devName).isPresent()) {
      throw new KernelException(Errno.EEXIST);
    }
  }

  /** dev_valid_name(): see {@link IfName#validInKernel(String)}. */
  private static void checkNameSyntax(String devName) {
    if (!IfName.validInKernel(devName)) {
      throw new KernelException(Errno.EINVAL);
    }
  }

  /**
   * {@code ip link add NAME type veth peer name PEER [netns NS]}: the peer is registered first (it
   * gets the lower index when both ends land in the same namespace), as veth_newlink does.
   */
  public VethPair addVeth(String devName, String peerName, NetNamespace peerNetns) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      NetNamespace peerHome = peerNetns == null ? this : peerNetns;
      checkNewName(devName);
      peerHome.checkNewName(peerName);
      if (peerHome == this && peerName.equals(devName)) {
        // The peer registers first and takes the name (and an ifindex) before the device fails.
        allocateIfindex();
        throw new KernelException(Errno.EEXIST);
      }
      VethPair pair = new VethPair();
      NetDevice peer =
          peerHome.register(peerName, new DeviceKind.Veth(pair), world().randomMac(), 1500, 0);
      NetDevice dev = register(devName, new DeviceKind.Veth(pair), world().randomMac(), 1500, 0);
      pair.bind(dev, peer);
      return pair;
    }
  }

  /** {@code ip link add NAME type bridge}: a bridge with a random MAC and no ports. */
  public NetDevice addBridge(String devName) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      checkNewName(devName);
      NetDevice bridge =
          register(devName, new DeviceKind.Bridge(new BridgeState()), world().randomMac(), 1500, 0);
      BridgeVlanRules.bridgeRegistered(bridge);
      return bridge;
    }
  }

  /** {@code ip link add NAME type dummy}. */
  public NetDevice addDummy(String devName) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      checkNewName(devName);
      return register(devName, new DeviceKind.Dummy(), world().randomMac(), 1500, 0);
    }
  }

  /**
   * {@code ip link add NAME type vxlan …}: the MTU is the lower device's less the 50 bytes of
   * encapsulation (1500 without one); a default remote becomes the all-zeros FDB entry.
   */
  public NetDevice addVxlan(String devName, VxlanConfig config) {
    checkNewName(devName);
    if (config.lower() != null && config.lower().netns() != this) {
      throw new KernelException(Errno.ENODEV);
    }
    int mtu =
        config.lower() == null ? 1500 : Math.max(68, config.lower().mtu() - VxlanConfig.OVERHEAD);
    VxlanState state = new VxlanState(config, this);
    Ipv4Address destination = config.defaultDestination();
    if (destination != null) {
      state.update(
          MacAddress.ZERO,
          VxlanRemote.to(destination, config.lower()),
          VxlanFdbEntry.State.PERMANENT,
          VxlanState.Update.ADD,
          world().now());
    }
    return register(devName, new DeviceKind.Vxlan(state), world().randomMac(), mtu, 0);
  }

  /**
   * {@code ip link set DEV type vxlan …} (vxlan_changelink): the new settings; a changed default
   * remote moves the all-zeros FDB entry to it.
   */
  public void changeVxlan(NetDevice dev, VxlanConfig config) {
    if (!(dev.kind() instanceof DeviceKind.Vxlan(VxlanState state))) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    Ipv4Address before = state.config().defaultDestination();
    Ipv4Address after = config.defaultDestination();
    state.setConfig(config);
    if (before != null && !before.equals(after)) {
      state.delete(MacAddress.ZERO, before, world().now());
    }
    if (after != null && !after.equals(before)) {
      state.update(
          MacAddress.ZERO,
          VxlanRemote.to(after, config.lower()),
          VxlanFdbEntry.State.PERMANENT,
          VxlanState.Update.APPEND,
          world().now());
    }
    dev.linkChanged();
  }

  /**
   * {@code ip link add NAME link LOWER type macvlan …}: a macvlan on LOWER (on LOWER's own lower
   * device when LOWER is a macvlan) with LOWER's MTU and the given MAC (not checked against its
   * siblings', as rtnl_create_link sets it directly), else a random one, or LOWER's MAC in passthru
   * mode; refused as the kernel refuses it (see {@link MacvlanRules#checkNew}).
   */
  public NetDevice addMacvlan(
      String devName, NetDevice lower, MacvlanSettings settings, MacAddress address, Integer mtu) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      checkNewName(devName);
      NetDevice real = MacvlanRules.realLower(lower);
      MacvlanRules.checkNew(real, settings.mode(), mtu);
      MacAddress mac =
          address != null
              ? address
              : settings.mode() == MacvlanMode.PASSTHRU ? real.mac() : world().randomMac();
      NetDevice dev =
          register(
              devName,
              new DeviceKind.Macvlan(new MacvlanState(real, settings)),
              mac,
              real.mtu(),
              0);
      real.addUpper(dev);
      return dev;
    }
  }

  /**
   * {@code ip link add link LOWER name NAME type vlan id ID}: a VLAN device on LOWER with LOWER's
   * MTU and LOWER's MAC (followed while none is set by hand), unless given one. Refused as
   * vlan_validate() and vlan_newlink() refuse it: an id above 4094, a loopback lower device, an id
   * LOWER already has, an MTU above LOWER's.
   */
  public NetDevice addVlan(
      String devName, NetDevice lower, int id, MacAddress address, Integer mtu) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (id < 0 || id > VlanState.MAX_ID) {
        throw new KernelException(Errno.ERANGE, "8021q: Invalid VLAN id");
      }
      checkNewName(devName);
      if (lower.isLoopback()) {
        throw new KernelException(Errno.EOPNOTSUPP, "8021q: VLANs not supported on device");
      }
      for (NetDevice upper : lower.uppers()) {
        if (upper.kind() instanceof DeviceKind.Vlan(VlanState other) && other.id() == id) {
          throw new KernelException(Errno.EEXIST, "8021q: VLAN device already exists");
        }
      }
      if (mtu != null && mtu > lower.mtu()) {
        throw new KernelException(Errno.EINVAL);
      }
      NetDevice dev =
          register(
              devName,
              new DeviceKind.Vlan(new VlanState(lower, id, address == null)),
              address != null ? address : lower.mac(),
              lower.mtu(),
              0);
      lower.addUpper(dev);
      return dev;
    }
  }

  /**
   * {@code ip link add NAME link LOWER type ipvlan [mode l2|l3|l3s] [bridge|private|vepa]}: an
   * ipvlan with LOWER's MAC and MTU (on LOWER's own lower device when LOWER is an ipvlan). The mode
   * (l3 unless given) and the flag are LOWER's, for all its ipvlans (ipvlan_link_new()). Refused on
   * lo (EINVAL), on a bridge port or a device with macvlans (EBUSY), above LOWER's MTU (EINVAL).
   */
  public NetDevice addIpvlan(
      String devName, NetDevice lower, IpvlanMode mode, IpvlanIsolation isolation, Integer mtu) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      checkNewName(devName);
      NetDevice real =
          lower.kind() instanceof DeviceKind.Ipvlan(IpvlanState state) ? state.lower() : lower;
      IpvlanPort port = StackedDevices.ipvlanPort(real);
      if (port == null) {
        if (real.isLoopback()) {
          throw new KernelException(Errno.EINVAL);
        }
        if (real.master() != null || MacvlanRules.carriesMacvlans(real)) {
          throw new KernelException(Errno.EBUSY);
        }
        port = new IpvlanPort(IpvlanMode.L3, IpvlanIsolation.BRIDGE);
      }
      if (mtu != null && mtu > real.mtu()) {
        throw new KernelException(Errno.EINVAL);
      }
      NetDevice dev =
          register(
              devName,
              new DeviceKind.Ipvlan(new IpvlanState(real, port)),
              real.mac(),
              real.mtu(),
              0);
      real.addUpper(dev);
      setIpvlanPort(dev, mode == null ? IpvlanMode.L3 : mode, isolation);
      return dev;
    }
  }

  /**
   * {@code ip link set DEV type ipvlan [mode M] [FLAG]}: the lower device's mode (when given) and
   * flag, for all its ipvlans; the NOARP flag of every one of them follows the mode.
   */
  public void setIpvlanPort(NetDevice dev, IpvlanMode mode, IpvlanIsolation isolation) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (!(dev.kind() instanceof DeviceKind.Ipvlan(IpvlanState state))) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      state.port().set(mode == null ? state.port().mode() : mode, isolation);
      state.lower().uppers().forEach(NetDevice::linkChanged);
    }
  }

  /** {@code ip link set DEV type vlan reorder_hdr on|off}. */
  public void setVlanReorderHeader(NetDevice dev, boolean on) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (!(dev.kind() instanceof DeviceKind.Vlan(VlanState state))) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      state.setReorderHeader(on);
      dev.linkChanged();
    }
  }

  /** {@code ip link set DEV type macvlan mode MODE}: passthru cannot be switched on or off. */
  public void setMacvlanMode(NetDevice dev, MacvlanMode mode) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (!(dev.kind() instanceof DeviceKind.Macvlan(MacvlanState state))) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      MacvlanRules.checkModeChange(state, mode);
      state.setMode(mode);
      dev.linkChanged();
    }
  }

  /**
   * TUNSETIFF on a name no device has: a TUN or TAP device (a template such as {@code tun%d} takes
   * the lowest free number). A TUN has no MAC and MTU 1500; a TAP a random MAC. It starts without
   * carrier: nobody has it open yet.
   */
  public NetDevice addTun(String devName, TunConfig config) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      String chosen = devName.contains("%d") ? freeName(devName) : devName;
      checkNewName(chosen);
      MacAddress mac = config.mode() == TunConfig.Mode.TAP ? world().randomMac() : MacAddress.ZERO;
      return register(chosen, new DeviceKind.Tun(new TunState(config)), mac, 1500, 0);
    }
  }

  private String freeName(String template) {
    for (int i = 0; ; i++) {
      String candidate = template.replace("%d", Integer.toString(i));
      if (device(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  /**
   * TUNSETIFF on an existing device (tun_set_iff()): attaches one more queue; EINVAL when it is not
   * a TUN/TAP device or its mode differs, EBUSY when a single-queue device is already open. The
   * first queue brings carrier.
   */
  public void attachTun(NetDevice dev, TunConfig.Mode mode) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      TunState state = tunState(dev, mode);
      if (!state.config().multiQueue() && state.queues() > 0) {
        throw new KernelException(Errno.EBUSY);
      }
      state.attach();
      dev.linkChanged();
    }
  }

  /**
   * The descriptor is closed (tun_detach()): the last queue takes carrier with it, and a device
   * that is not persistent goes away.
   */
  public void detachTun(NetDevice dev) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      TunState state = tunState(dev, null);
      state.detach();
      dev.linkChanged();
      if (state.queues() == 0 && !state.config().persist() && device(dev.ifindex()).isPresent()) {
        deleteDevice(dev);
      }
    }
  }

  /** TUNSETPERSIST: whether the device outlives its last descriptor. */
  public void setTunPersist(NetDevice dev, boolean persist) {
    tunState(dev, null).setPersist(persist);
  }

  /**
   * What {@code ip tuntap del} does: attach by name, clear persist, close. A name no device has is
   * created and destroyed at once (taking an ifindex, as the real one does).
   */
  public void deleteTun(String devName, TunConfig.Mode mode) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      String name = devName.contains("%d") ? freeName(devName) : devName;
      Optional<NetDevice> existing = device(name);
      if (existing.isEmpty()) {
        checkNameSyntax(name);
        allocateIfindex();
        return;
      }
      NetDevice dev = existing.get();
      attachTun(dev, mode);
      setTunPersist(dev, false);
      detachTun(dev);
    }
  }

  private static boolean isTunMode(NetDevice dev) {
    return dev.kind() instanceof DeviceKind.Tun(TunState tun) && tun.isTun();
  }

  private static TunState tunState(NetDevice dev, TunConfig.Mode mode) {
    if (!(dev.kind() instanceof DeviceKind.Tun(TunState state))
        || (mode != null && state.config().mode() != mode)) {
      throw new KernelException(Errno.EINVAL);
    }
    return state;
  }

  /** A physical NIC (created with a host, never by {@code ip link add}). */
  public NetDevice addPhysical(String devName, MacAddress mac) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      checkNewName(devName);
      return register(devName, new DeviceKind.Physical(new UnderlayCable()), mac, 1500, 0);
    }
  }

  /**
   * {@code ip link del}: removes the device with its addresses, routes and neighbours; a veth takes
   * its peer with it; a bridge releases its ports. The loopback cannot be deleted.
   */
  public void deleteDevice(NetDevice dev) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (dev.isLoopback()) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      NetDevice peer = dev.vethPeer();
      unregister(dev);
      if (peer != null) {
        peer.netns().unregister(peer);
      }
    }
  }

  private void unregister(NetDevice dev) {
    host.deviceUnregistered(dev);
    for (NetDevice upper : List.copyOf(dev.uppers())) {
      upper.netns().unregister(upper);
    }
    if (dev.kind() instanceof DeviceKind.Stacked stacked) {
      stacked.lower().removeUpper(dev);
    }
    if (dev.isBridge()) {
      for (NetDevice port : List.copyOf(dev.bridge().ports())) {
        port.netns().releaseFromBridge(port);
      }
    }
    if (dev.master() != null) {
      releaseFromBridge(dev);
    }
    if (dev.kind() instanceof DeviceKind.Physical physical && physical.cable().isPlugged()) {
      physical.cable().plugged().unplug(dev);
    }
    dropUppers(dev);
    dev.setAdminUpValue(false);
    fib.deviceGone(dev);
    neighbours.deviceGone(dev);
    dev.mutableAddresses().clear();
    devices.remove(dev.ifindex());
    devicesByName.remove(dev.name());
    sysctls.deviceRemoved(dev.name());
    dev.linkChanged();
  }

  /**
   * NETDEV_UNREGISTER as VXLAN devices hear it: a VXLAN device bound to {@code lower} goes with it
   * (when it is deleted or leaves the namespace), wherever the VXLAN device itself was moved to,
   * and FDB remotes sent through it are dropped.
   */
  private void dropUppers(NetDevice lower) {
    for (NetNamespace ns : host.namespaces()) {
      for (NetDevice upper : List.copyOf(ns.devices.values())) {
        if (upper.kind() instanceof DeviceKind.Vxlan(VxlanState vxlan)
            && vxlan.underlay() == this) {
          if (vxlan.config().lower() == lower) {
            ns.unregister(upper);
          } else {
            vxlan.forgetVia(lower);
          }
        }
      }
    }
  }

  /** {@code ip link set DEV up|down}. */
  public void setUp(NetDevice dev, boolean up) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (dev.isAdminUp() == up) {
        return;
      }
      if (up) {
        StackedDevices.checkOpen(dev);
      }
      dev.setAdminUpValue(up);
      if (up) {
        if (dev.isLoopback()) {
          addLoopbackAddress(dev);
        }
        fib.deviceUp(dev);
      } else {
        fib.deviceDown(dev);
        neighbours.removeIf(e -> e.device() == dev);
        netfilter.conntrack().removeIf(e -> e.masqueradedVia(dev.ifindex()));
      }
      StackedDevices.lowerAdminChanged(dev, up);
    }
  }

  /** inetdev_event(NETDEV_UP) on a loopback: 127.0.0.1/8 scope host, unless already there. */
  private void addLoopbackAddress(NetDevice lo) {
    Ipv4Prefix loopback = new Ipv4Prefix(io.packetwalk.net.Ipv4Address.of(127, 0, 0, 1), 8);
    boolean present =
        lo.addresses().stream()
            .anyMatch(a -> a.local().equals(loopback.address()) && a.prefix().length() == 8);
    if (!present) {
      addAddress(lo, new InterfaceAddress(loopback, null, AddressScope.HOST, null, false, 0));
    }
  }

  /** {@code ip link set DEV name NEW} (Linux 6.18 renames running devices too). */
  public void rename(NetDevice dev, String newName) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (dev.name().equals(newName)) {
        return;
      }
      checkNewName(newName);
      sysctls.deviceRenamed(dev.name(), newName);
      devicesByName.remove(dev.name());
      devicesByName.put(newName, dev);
      dev.rename(newName);
    }
  }

  /** {@code ip link set DEV mtu N}, within the device's minimum and maximum. */
  public void setMtu(NetDevice dev, int mtu) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      int min = StackedDevices.minMtu(dev);
      int max = 65535;
      if (dev.isLoopback() || dev.kind() instanceof DeviceKind.Dummy) {
        min = 0;
        max = Integer.MAX_VALUE;
      }
      if (dev.kind() instanceof DeviceKind.Tun(TunState tun) && !tun.isTun()) {
        max = 65521; // a TAP leaves room for its Ethernet header: MAX_MTU less ETH_HLEN
      }
      if (mtu < min) {
        throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
      }
      if (mtu > max) {
        throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
      }
      StackedDevices.checkMtu(dev, mtu);
      if (dev.kind() instanceof DeviceKind.Vxlan(VxlanState vxlan)
          && vxlan.config().lower() != null
          && mtu > vxlan.config().lower().mtu() - VxlanConfig.OVERHEAD) {
        // vxlan_change_mtu(): no more than the underlay device leaves once wrapped
        throw new KernelException(Errno.EINVAL);
      }
      dev.setMtuValue(mtu);
      StackedDevices.lowerMtuChanged(dev);
      if (dev.isBridge()) {
        dev.bridge().markMtuSetByUser();
      }
      if (dev.master() != null) {
        recomputeBridge(dev.master());
      }
    }
  }

  /** STP on or off ({@code stp_state}, {@code brctl stp}); switching it reselects port states. */
  public void setStp(NetDevice bridge, boolean on) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      bridge.bridge().setStp(on);
      bridge.linkChanged();
    }
  }

  /** {@code ip link set DEV address MAC}: unicast addresses only. */
  public void setMac(NetDevice dev, MacAddress mac) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (isTunMode(dev)) {
        // a TUN's netdev ops have no ndo_set_mac_address
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      if (mac.isMulticast() || mac.isZero()) {
        throw new KernelException(Errno.EADDRNOTAVAIL);
      }
      StackedDevices.checkMac(dev, mac);
      dev.setMac(mac);
      StackedDevices.macSet(dev, mac);
      if (dev.isBridge()) {
        dev.bridge().markMacSetByUser();
      }
      if (dev.master() != null) {
        BridgeVlanRules.portMacChanged(dev, world().now());
        recomputeBridge(dev.master());
      }
    }
  }

  /**
   * {@code ip link set DEV netns NS}: the device leaves down, loses its addresses, routes and
   * neighbours, keeps its ifindex when it is free in the target, and arrives down. Loopback and
   * bridges cannot move (NETIF_F_NETNS_LOCAL).
   */
  public void moveDevice(NetDevice dev, NetNamespace target) {
    moveDevice(dev, target, null);
  }

  /**
   * {@code ip link set DEV netns NS name NEW}: moves the device and gives it a new name in the
   * target in one step (the old name may be taken there, the new one may not).
   */
  public void moveDevice(NetDevice dev, NetNamespace target, String newName) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (target == this) {
        return;
      }
      if (dev.isLoopback() || dev.isBridge()) {
        throw new KernelException(Errno.EINVAL, "The interface netns is immutable");
      }
      String nameThere = newName == null ? dev.name() : newName;
      if (newName != null) {
        checkNameSyntax(newName);
        if (target.device(newName).isPresent()) {
          throw new KernelException(
              Errno.EEXIST,
              "Unable to use '" + newName + "' for the new interface name in the target netns");
        }
      } else if (target.device(dev.name()).isPresent()) {
        throw new KernelException(
            Errno.EEXIST, "An interface with the same name exists in the target netns");
      }
      if (dev.master() != null) {
        releaseFromBridge(dev);
      }
      dropUppers(dev);
      dev.setAdminUpValue(false);
      fib.deviceGone(dev);
      neighbours.deviceGone(dev);
      dev.mutableAddresses().clear();
      devices.remove(dev.ifindex());
      devicesByName.remove(dev.name());
      sysctls.deviceRemoved(dev.name());
      int index =
          target.devices.containsKey(dev.ifindex()) ? target.allocateIfindex() : dev.ifindex();
      dev.rename(nameThere);
      dev.moveTo(target, index);
      target.devices.put(index, dev);
      target.devicesByName.put(nameThere, dev);
      target.sysctls.deviceAdded(nameThere);
    }
  }

  // ---- bridge ports ----

  /** {@code ip link set PORT master BR} / {@code brctl addif BR PORT}. */
  public void enslave(NetDevice port, NetDevice bridge) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      if (!bridge.isBridge()) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      if (port.isBridge()) {
        throw new KernelException(Errno.ELOOP, "Can not enslave a bridge to a bridge");
      }
      if (port.isLoopback() || port.netns() != bridge.netns() || isTunMode(port)) {
        // br_add_if(): only Ethernet devices; a TUN has no link-layer address at all
        throw new KernelException(Errno.EINVAL);
      }
      if (port.master() == bridge) {
        return;
      }
      if (port.master() != null
          || MacvlanRules.carriesMacvlans(port)
          || StackedDevices.carriesIpvlans(port)) {
        throw new KernelException(Errno.EBUSY);
      }
      BridgeState state = bridge.bridge();
      port.enslave(bridge, state.addPort(port));
      state.put(new FdbEntry(port.mac(), port, FdbEntry.Type.LOCAL, world().now()));
      BridgeVlanRules.portAdded(port, world().now());
      recomputeBridge(bridge);
    }
  }

  /** {@code ip link set PORT nomaster} / {@code brctl delif BR PORT}. */
  public void releaseFromBridge(NetDevice port) {
    try (Linkwatch.Hold events = host.linkwatch().hold()) {
      NetDevice bridge = port.master();
      if (bridge == null) {
        return;
      }
      bridge.bridge().removePort(port);
      port.enslave(null, 0);
      recomputeBridge(bridge);
    }
  }

  /** The bridge MAC is the lowest port MAC and its MTU the lowest port MTU, unless set by hand. */
  private void recomputeBridge(NetDevice bridge) {
    BridgeState state = bridge.bridge();
    if (!state.macSetByUser()) {
      bridge.setMac(
          state.ports().stream()
              .map(NetDevice::mac)
              .min(Comparator.naturalOrder())
              .orElse(MacAddress.ZERO));
    }
    if (!state.mtuSetByUser()) {
      bridge.setMtuValue(state.ports().stream().mapToInt(NetDevice::mtu).min().orElse(1500));
    }
  }

  // ---- addresses ----

  /**
   * dev_uc_add(): {@code bridge fdb add MAC dev DEV self} on a device that is not a bridge; false
   * when the device already has the address.
   */
  public boolean addUnicastAddress(NetDevice dev, MacAddress mac) {
    List<MacAddress> list = dev.linkState().unicast;
    if (list.contains(mac)) {
      return false;
    }
    list.add(mac);
    return true;
  }

  /** dev_uc_del(): false when the device does not have the address. */
  public boolean removeUnicastAddress(NetDevice dev, MacAddress mac) {
    return dev.linkState().unicast.remove(mac);
  }

  /** {@code ip addr flush} without a family: the IPv6 addresses go too (until the next up). */
  public void flushIpv6Addresses(NetDevice dev) {
    dev.linkState().inet6.clear();
  }

  /**
   * {@code ip addr add}: EEXIST when the device already has this address with this prefix length.
   * An address in the subnet of an existing primary becomes secondary. The kernel adds the local
   * route, and with the link up the connected and broadcast routes.
   */
  public InterfaceAddress addAddress(NetDevice dev, InterfaceAddress requested) {
    for (InterfaceAddress existing : dev.addresses()) {
      if (existing.local().equals(requested.local())
          && existing.prefix().length() == requested.prefix().length()) {
        throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
      }
    }
    boolean secondary =
        dev.primaryAddresses().stream()
            .anyMatch(p ->
                p.prefix().length() == requested.prefix().length()
                    && p.sameSubnet(requested.local()));
    InterfaceAddress added = requested.withSecondary(secondary);
    dev.mutableAddresses().add(insertionIndex(dev, added), added);
    fib.addressAdded(dev, added);
    return added;
  }

  /**
   * Where __inet_insert_ifa puts a new address: a secondary at the end; a primary after the last
   * primary of the same or a wider scope.
   */
  private static int insertionIndex(NetDevice dev, InterfaceAddress added) {
    List<InterfaceAddress> list = dev.addresses();
    if (added.secondary()) {
      return list.size();
    }
    int at = 0;
    for (int i = 0; i < list.size(); i++) {
      InterfaceAddress existing = list.get(i);
      if (!existing.secondary() && existing.scope().number() <= added.scope().number()) {
        at = i + 1;
      }
    }
    return at;
  }

  /**
   * {@code ip addr del}: EADDRNOTAVAIL when absent; see {@link #deleteAddress(NetDevice,
   * InterfaceAddress)}.
   */
  public void deleteAddress(NetDevice dev, Ipv4Prefix prefix) {
    InterfaceAddress target =
        dev.addresses().stream()
            .filter(a ->
                a.local().equals(prefix.address())
                    && (prefix.length() == 32 || a.prefix().length() == prefix.length()))
            .findFirst()
            .orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found"));
    deleteAddress(dev, target);
  }

  /**
   * Deletes one address of the device, as __inet_del_ifa() does once inet_rtm_deladdr has found it;
   * EADDRNOTAVAIL when the device does not have it. Deleting a primary deletes the secondaries of
   * its subnet, unless {@code promote_secondaries} is on ({@code conf.all} or the device's own):
   * then the first of them becomes primary (moved behind the primaries that followed the deleted
   * one) and the others stay its secondaries; their kernel routes get the new primary as source.
   * Routes in the main table whose preferred source was a deleted address that no device has any
   * more go too (fib_sync_down_addr()).
   */
  public void deleteAddress(NetDevice dev, InterfaceAddress target) {
    List<InterfaceAddress> list = dev.mutableAddresses();
    int index = list.indexOf(target);
    if (index < 0) {
      throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }
    List<InterfaceAddress> gone = new ArrayList<>();
    gone.add(target);
    InterfaceAddress promoted = null;
    InterfaceAddress lastPrimary = null;
    if (!target.secondary()) {
      boolean promote =
          sysctls.confAll("promote_secondaries") != 0
              || sysctls.conf(dev, "promote_secondaries") != 0;
      for (InterfaceAddress a : list.subList(index + 1, list.size())) {
        if (!a.secondary() && target.scope().number() <= a.scope().number()) {
          lastPrimary = a;
        }
        if (a.secondary()
            && a.prefix().length() == target.prefix().length()
            && target.sameSubnet(a.local())) {
          if (promote) {
            promoted = a;
            break;
          }
          gone.add(a);
        }
      }
    }
    list.removeAll(gone);
    if (promoted != null) {
      list.remove(promoted);
      int at = lastPrimary == null ? index : list.indexOf(lastPrimary) + 1;
      list.add(at, promoted.withSecondary(false));
    }
    gone.forEach(a -> fib.addressRemoved(dev, a));
    if (dev.addresses().isEmpty()) {
      // fib_disable_ip(): the last IPv4 address is gone, so are all routes and neighbours via dev.
      fib.deviceGone(dev);
      neighbours.deviceGone(dev);
    }
    for (InterfaceAddress a : gone) {
      if (!isLocalAddress(a.local())) {
        fib.preferredSourceGone(a.local());
      }
      // masq_inet_event: connections masqueraded to a vanished address are forgotten
      netfilter.conntrack().removeIf(e -> e.masqueraded() && e.reply().dst().equals(a.local()));
    }
  }

  /** Whether any device of the namespace still has {@code address}. */
  private boolean isLocalAddress(io.packetwalk.net.Ipv4Address address) {
    for (NetDevice dev : devices.values()) {
      for (InterfaceAddress a : dev.addresses()) {
        if (a.local().equals(address)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- namespace ids ----

  /** The id this namespace knows {@code other} by (allocated on first use: the lowest free id). */
  public int peerId(NetNamespace other) {
    Integer known = peerIds.get(other);
    if (known != null) {
      return known;
    }
    int id = usedPeerIds.nextClearBit(0);
    usedPeerIds.set(id);
    peerIds.put(other, id);
    return id;
  }

  /** The id already assigned to {@code other}, if any. */
  public Optional<Integer> existingPeerId(NetNamespace other) {
    return Optional.ofNullable(peerIds.get(other));
  }

  public Map<NetNamespace, Integer> peerIds() {
    return Collections.unmodifiableMap(peerIds);
  }

  void forgetPeer(NetNamespace other) {
    Integer id = peerIds.remove(other);
    if (id != null) {
      usedPeerIds.clear(id);
    }
  }

  @Override
  public String toString() {
    return host.name() + ":" + (isRoot() ? "(root)" : name);
  }
}
