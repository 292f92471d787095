package io.packetwalk.shell;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.OperState;
import io.packetwalk.kernel.Sysctls;
import io.packetwalk.kernel.World;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kernel derives from link events and {@code ip} prints, kept up to date after every
 * command (like the kernel's linkwatch): the RFC 2863 operational state (recomputed only when a
 * device's carrier changes, from the device with the peer's ifindex in the device's own namespace,
 * as default_operstate() does), whether a qdisc is attached (noop until first up, reset when the
 * device changes namespace), IPv6 addresses (the EUI-64 link-local once a device is up with
 * carrier, {@code ::1} on an up loopback, all gone when it goes down), the namespace ids that moves
 * and cross-namespace veth pairs make the kernel allocate, and the neighbour entries a carrier loss
 * evicts.
 */
public final class LinkWatch {

  /** The order a walk over the world meets devices in: host, namespace, then ifindex. */
  private static final Comparator<NetDevice> WALK_ORDER =
      Comparator.<NetDevice>comparingInt(dev -> dev.netns().host().sequence())
          .thenComparingInt(dev -> dev.netns().sequence())
          .thenComparingInt(NetDevice::ifindex);

  /** What is remembered per device between commands. */
  private static final class View {
    NetNamespace netns;
    boolean carrier;
    OperState operState = OperState.DOWN;
    boolean qdiscAttached;
    boolean ipv6Ready;
    boolean ipv6Disabled;
    NetDevice master;
    int portNumber;
    final List<MacAddress> selfAddresses = new ArrayList<>();
    MacAddress linkLocalMac;
    final List<Inet6Address> inet6 = new ArrayList<>();
  }

  /** An IPv6 address the kernel configured by itself: text, prefix length and scope word. */
  public record Inet6Address(String address, int prefixLength, String scope) {}

  private final Map<NetDevice, View> views = new IdentityHashMap<>();

  /** Per bridge, the port numbers its ports hold (find_portno() takes the lowest clear bit). */
  private final Map<NetDevice, BitSet> portNumbers = new IdentityHashMap<>();

  LinkWatch(World world) {
    world.takeLinkChanges();
    for (Host host : world.hosts()) {
      for (NetNamespace ns : host.namespaces()) {
        ns.forEachDevice(this::observe);
      }
    }
  }

  /**
   * Brings the derived state up to date after a command ran: the devices the kernel reported
   * changed, and those whose carrier follows theirs (the veth peer, the bridge a port belongs or
   * belonged to), in the order the kernel walks them (host, namespace, ifindex) so that ids and
   * port numbers are handed out as they would be. Views of devices that went away are dropped.
   */
  void observe(World world) {
    Set<NetDevice> changed = world.takeLinkChanges();
    if (changed.isEmpty()) {
      return;
    }
    Set<NetDevice> affected = new LinkedHashSet<>();
    changed.forEach(dev -> addWithDependents(dev, affected));
    List<NetDevice> present = new ArrayList<>();
    for (NetDevice dev : affected) {
      if (isRegistered(dev)) {
        present.add(dev);
      } else {
        View gone = views.remove(dev);
        if (gone != null) {
          setPort(gone, null);
        }
      }
    }
    if (!present.isEmpty()) {
      present.sort(WALK_ORDER);
      present.forEach(this::observe);
    }
  }

  private void addWithDependents(NetDevice dev, Set<NetDevice> affected) {
    addWithMasters(dev, affected);
    NetDevice peer = dev.vethPeer();
    if (peer != null) {
      addWithMasters(peer, affected);
    }
    // a stacked device's carrier follows its lower device's
    dev.uppers().forEach(upper -> addWithMasters(upper, affected));
    if (peer != null) {
      peer.uppers().forEach(upper -> addWithMasters(upper, affected));
    }
  }

  /** A port's carrier is part of its bridge's, both before and after it changes bridge. */
  private void addWithMasters(NetDevice dev, Set<NetDevice> affected) {
    affected.add(dev);
    if (dev.master() != null) {
      affected.add(dev.master());
      affected.addAll(dev.master().uppers());
    }
    View view = views.get(dev);
    if (view != null && view.master != null) {
      affected.add(view.master);
    }
  }

  private static boolean isRegistered(NetDevice dev) {
    return dev.netns().device(dev.ifindex()).orElse(null) == dev;
  }

  private void observe(NetDevice dev) {
    NetNamespace ns = dev.netns();
    boolean carrier = dev.hasCarrier();
    View view = views.get(dev);
    if (view == null) {
      view = new View();
      view.netns = ns;
      views.put(dev, view);
      view.operState = defaultOperState(dev);
      NetDevice peer = dev.vethPeer();
      if (peer != null && peer.netns() != ns && isFirstEnd(dev)) {
        ns.peerId(peer.netns());
      }
    } else {
      if (view.netns != ns) {
        moved(dev, view, ns);
      }
      if (carrier != view.carrier) {
        view.operState = defaultOperState(dev);
        if (!carrier && dev.isAdminUp()) {
          carrierDown(dev);
        }
      }
    }
    view.carrier = carrier;
    if (dev.master() != view.master) {
      setPort(view, dev.master());
    }
    if (dev.isAdminUp()) {
      view.qdiscAttached = true;
    }
    updateIpv6(dev, view, carrier);
  }

  /**
   * arp_netdev_event(NETDEV_CHANGE) on a carrier loss: neigh_carrier_down() drops the device's
   * neighbours except permanent ones, unless arp_evict_nocarrier is 0 ({@code conf.all} and the
   * device's own must both be on).
   */
  private static void carrierDown(NetDevice dev) {
    Sysctls sysctls = dev.netns().sysctls();
    if (sysctls.confAll("arp_evict_nocarrier") != 0
        && sysctls.conf(dev, "arp_evict_nocarrier") != 0) {
      dev.netns().neighbours().removeIf(e -> e.device() == dev && e.state() != NudState.PERMANENT);
    }
  }

  /**
   * Moves a device's view to another master (or none): it gives back its old port number and, on a
   * bridge, takes find_portno()'s lowest number no other port of the bridge has.
   */
  private void setPort(View view, NetDevice master) {
    if (view.master != null) {
      BitSet taken = portNumbers.get(view.master);
      taken.clear(view.portNumber);
      if (taken.isEmpty()) {
        portNumbers.remove(view.master);
      }
    }
    view.master = master;
    view.portNumber = 0;
    if (master != null) {
      BitSet taken = portNumbers.computeIfAbsent(master, bridge -> new BitSet());
      view.portNumber = taken.nextClearBit(1);
      taken.set(view.portNumber);
    }
  }

  private static boolean isFirstEnd(NetDevice dev) {
    return dev.kind() instanceof DeviceKind.Veth(var pair) && pair.first() == dev;
  }

  /**
   * dev_change_net_namespace: the source allocates an id for the target, the target for the peer.
   */
  private void moved(NetDevice dev, View view, NetNamespace target) {
    NetNamespace source = view.netns;
    if (source.host().netns(source.name()).orElse(null) == source) {
      source.peerId(target);
    }
    NetDevice peer = dev.vethPeer();
    if (peer != null && peer.netns() != target) {
      target.peerId(peer.netns());
    }
    view.netns = target;
    view.qdiscAttached = false;
    view.selfAddresses.clear();
    view.ipv6Ready = false;
    view.inet6.clear();
  }

  private void updateIpv6(NetDevice dev, View view, boolean carrier) {
    boolean disabled = dev.netns().sysctls().ipv6Disabled(dev);
    if (!dev.isAdminUp() || disabled) {
      view.inet6.clear();
      if (!dev.isAdminUp()) {
        view.ipv6Ready = false;
      }
    }
    boolean reEnabled = view.ipv6Disabled && !disabled;
    view.ipv6Disabled = disabled;
    if (!dev.isAdminUp() || disabled || !carrier) {
      return;
    }
    if (!view.ipv6Ready || reEnabled) {
      view.ipv6Ready = true;
      view.inet6.clear();
      if (dev.isLoopback()) {
        view.inet6.add(new Inet6Address("::1", 128, "host"));
      } else {
        view.inet6.add(new Inet6Address(linkLocal(dev.mac()), 64, "link"));
        view.linkLocalMac = dev.mac();
      }
    }
  }

  /**
   * default_operstate() for a device whose carrier just changed: UP with carrier; otherwise DOWN,
   * or LOWERLAYERDOWN when the device in the same namespace that has the ifindex of the link's
   * lower end (the veth peer's or the lower device's index) exists and has no carrier either.
   */
  private static OperState defaultOperState(NetDevice dev) {
    if (dev.hasCarrier()) {
      return OperState.UP;
    }
    NetDevice link = dev.linkDevice();
    int iflink = link == null ? dev.ifindex() : link.ifindex();
    if (iflink == dev.ifindex()) {
      return OperState.DOWN;
    }
    return dev.netns()
        .device(iflink)
        .map(lower -> lower.hasCarrier() ? OperState.DOWN : OperState.LOWERLAYERDOWN)
        .orElse(OperState.DOWN);
  }

  // ---- what ip prints ----

  /**
   * The operstate ip prints: DOWN when admin down; UNKNOWN for loopback, dummy and a bridge that
   * never had a port, whose carrier has never changed, so linkwatch never set one.
   */
  public OperState operState(NetDevice dev) {
    if (!dev.isAdminUp()) {
      return OperState.DOWN;
    }
    return switch (dev.kind()) {
      case DeviceKind.Loopback l -> OperState.UNKNOWN;
      case DeviceKind.Dummy d -> OperState.UNKNOWN;
      case DeviceKind.Bridge b when !b.state().portsDecideCarrier() -> OperState.UNKNOWN;
      default -> view(dev).operState;
    };
  }

  /** IFF_RUNNING: up and operationally up (or unknown). */
  public boolean running(NetDevice dev) {
    OperState state = operState(dev);
    return dev.isAdminUp() && (state == OperState.UP || state == OperState.UNKNOWN);
  }

  /** "noop" until the device is first brought up (in its current namespace), then "noqueue". */
  public String qdisc(NetDevice dev) {
    return view(dev).qdiscAttached ? "noqueue" : "noop";
  }

  /** The bridge port number of an enslaved device (1, 2, … in the order ports found a gap). */
  public int portNumber(NetDevice dev) {
    return view(dev).portNumber;
  }

  /**
   * Extra unicast addresses a device accepts ({@code bridge fdb add MAC dev DEV [self]} on a device
   * that is not a bridge), in the order they were added.
   */
  public List<MacAddress> selfAddresses(NetDevice dev) {
    return List.copyOf(view(dev).selfAddresses);
  }

  /** Adds an extra unicast address; false when the device already has it. */
  public boolean addSelfAddress(NetDevice dev, MacAddress mac) {
    List<MacAddress> list = view(dev).selfAddresses;
    if (list.contains(mac)) {
      return false;
    }
    list.add(mac);
    return true;
  }

  /** Removes an extra unicast address; false when the device does not have it. */
  public boolean removeSelfAddress(NetDevice dev, MacAddress mac) {
    return view(dev).selfAddresses.remove(mac);
  }

  /**
   * The link-layer multicast addresses the device listens to ("self permanent" in {@code bridge
   * fdb}): all-nodes (33:33:00:00:00:01) always; once up, for a bridge the multicast-router groups
   * and for everyone all-hosts (01:00:5e:00:00:01); and the solicited-node group of its link-local
   * address.
   */
  public List<MacAddress> multicastAddresses(NetDevice dev) {
    if (dev.isLoopback()) {
      return List.of();
    }
    List<MacAddress> groups = new ArrayList<>();
    groups.add(MacAddress.parse("33:33:00:00:00:01"));
    if (dev.isAdminUp()) {
      if (dev.isBridge()) {
        groups.add(MacAddress.parse("01:00:5e:00:00:6a"));
        groups.add(MacAddress.parse("33:33:00:00:00:6a"));
      }
      groups.add(MacAddress.parse("01:00:5e:00:00:01"));
    }
    View view = view(dev);
    if (!view.inet6.isEmpty() && view.linkLocalMac != null) {
      long low = view.linkLocalMac.bits() & 0xff_ffffL;
      groups.add(new MacAddress(0x3333_ff00_0000L | low));
    }
    return groups;
  }

  /** The IPv6 addresses the kernel configured on the device. */
  public List<Inet6Address> inet6(NetDevice dev) {
    return List.copyOf(view(dev).inet6);
  }

  /** {@code ip addr flush} without a family: the IPv6 addresses go too (until the next up). */
  public void flushInet6(NetDevice dev) {
    view(dev).inet6.clear();
  }

  private View view(NetDevice dev) {
    View view = views.get(dev);
    if (view == null) {
      observe(dev);
      view = views.get(dev);
    }
    return view;
  }

  /** The EUI-64 link-local address for a MAC, as inet_ntop prints it. */
  public static String linkLocal(MacAddress mac) {
    int[] groups = {
      0xfe80,
      0,
      0,
      0,
      ((mac.octet(0) ^ 0x02) << 8) | mac.octet(1),
      (mac.octet(2) << 8) | 0xff,
      0xfe00 | mac.octet(3),
      (mac.octet(4) << 8) | mac.octet(5)
    };
    return formatIpv6(groups);
  }

  /** inet_ntop: the longest run of two or more zero groups becomes "::". */
  static String formatIpv6(int[] groups) {
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    if (bestLength < 2) {
      bestStart = -1;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
