package io.packetwalk.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One kernel's linkwatch: what follows when a device appears, goes away, moves, or changes its
 * admin state, master, MAC, cable or carrier. It derives the RFC 2863 operational state (recomputed
 * only when the carrier changes, as default_operstate() does), attaches the qdisc on the first up
 * in a namespace, configures the IPv6 addresses addrconf would (the EUI-64 link-local once up with
 * carrier, {@code ::1} on loopback), allocates the namespace ids that moves and cross-namespace
 * veth pairs need, and evicts the neighbours a carrier loss takes.
 *
 * <p>Events are processed when the kernel operation that caused them ends ({@link #hold()}), as
 * linkwatch runs once rtnl is released: each operation of a composite command sees the carrier
 * events of the ones before it. The rules per device kind come from {@link DeviceKind}.
 */
final class Linkwatch {

  /** The order the kernel walks devices in: namespace, then ifindex. */
  private static final Comparator<NetDevice> WALK_ORDER =
      Comparator.<NetDevice>comparingInt(dev -> dev.netns().sequence())
          .thenComparingInt(NetDevice::ifindex);

  /** A kernel operation in progress; closing the outermost one processes its events. */
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  private final Set<NetDevice> pending = new LinkedHashSet<>();
  private int holds;

  /**
   * Holds events back until the returned hold is closed, so that a kernel operation's steps are
   * seen together, in a consistent state, once it ends.
   */
  Hold hold() {
    holds++;
    return this::release;
  }

  private void release() {
    holds--;
    if (holds == 0) {
      run();
    }
  }

  /** linkwatch_fire_event(): processed at once, or when the operation in progress ends. */
  void fire(NetDevice dev) {
    pending.add(dev);
    if (holds == 0) {
      run();
    }
  }

  /**
   * Processes the pending devices and those whose carrier follows theirs (the veth peer, the bridge
   * a port belongs or belonged to), in walk order so that ids are handed out as the kernel would.
   * Devices that went away are skipped.
   */
  private void run() {
    while (!pending.isEmpty()) {
      Set<NetDevice> affected = withFollowers(pending);
      pending.clear();
      List<NetDevice> present = new ArrayList<>();
      for (NetDevice dev : affected) {
        if (isRegistered(dev)) {
          present.add(dev);
        }
      }
      present.sort(WALK_ORDER);
      present.forEach(Linkwatch::observe);
    }
  }

  private static Set<NetDevice> withFollowers(Set<NetDevice> changed) {
    Set<NetDevice> affected = new LinkedHashSet<>();
    Deque<NetDevice> work = new ArrayDeque<>(changed);
    while (!work.isEmpty()) {
      NetDevice dev = work.removeFirst();
      if (!affected.add(dev)) {
        continue;
      }
      if (dev.master() != null) {
        work.addLast(dev.master());
      }
      if (dev.linkState().master != null) {
        work.addLast(dev.linkState().master);
      }
      work.addAll(dev.kind().carrierFollowers(dev));
      // a stacked device's carrier follows its lower device's
      work.addAll(dev.uppers());
    }
    return affected;
  }

  private static boolean isRegistered(NetDevice dev) {
    return dev.netns().device(dev.ifindex()).orElse(null) == dev;
  }

  private static void observe(NetDevice dev) {
    LinkState link = dev.linkState();
    NetNamespace ns = dev.netns();
    boolean carrier = dev.hasCarrier();
    if (!link.seen()) {
      link.netns = ns;
      link.operState = defaultOperState(dev);
      NetDevice peer = dev.vethPeer();
      if (peer != null && peer.netns() != ns && isFirstEnd(dev)) {
        ns.peerId(peer.netns());
      }
    } else {
      if (link.netns != ns) {
        moved(dev, link, ns);
      }
      if (carrier != link.carrier) {
        link.operState = defaultOperState(dev);
        if (!carrier && dev.isAdminUp()) {
          carrierDown(dev);
        }
      }
    }
    link.carrier = carrier;
    link.master = dev.master();
    if (dev.isAdminUp()) {
      link.qdiscAttached = true;
    }
    Addrconf.update(dev, link, carrier);
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

  /** veth_newlink() announces the pair from the end it created last, the one named "dev". */
  private static boolean isFirstEnd(NetDevice dev) {
    return dev.kind() instanceof DeviceKind.Veth(var pair) && pair.first() == dev;
  }

  /**
   * dev_change_net_namespace: the source allocates an id for the target, the target for the peer;
   * the device arrives without a qdisc, extra unicast addresses or IPv6 addresses.
   */
  private static void moved(NetDevice dev, LinkState link, NetNamespace target) {
    NetNamespace source = link.netns;
    if (source.host().netns(source.name()).orElse(null) == source) {
      source.peerId(target);
    }
    NetDevice peer = dev.vethPeer();
    if (peer != null && peer.netns() != target) {
      target.peerId(peer.netns());
    }
    link.netns = target;
    link.qdiscAttached = false;
    link.unicast.clear();
    link.ipv6Ready = false;
    link.addrGenRandom = false;
    link.inet6.clear();
  }

  /**
   * default_operstate() for a device whose carrier just changed: UP with carrier; otherwise DOWN,
   * or LOWERLAYERDOWN when the device in the same namespace that has the ifindex of the layer below
   * ({@link DeviceKind#iflink}) exists and has no carrier either.
   */
  private static OperState defaultOperState(NetDevice dev) {
    if (dev.hasCarrier()) {
      return OperState.UP;
    }
    int iflink = dev.kind().iflink(dev);
    if (iflink == dev.ifindex()) {
      return OperState.DOWN;
    }
    return dev.netns()
        .device(iflink)
        .map(lower -> lower.hasCarrier() ? OperState.DOWN : OperState.LOWERLAYERDOWN)
        .orElse(OperState.DOWN);
  }
}
