package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.List;

/**
 * What stacked devices (macvlan, vlan) and their lower devices do to each other when a link setting
 * changes: when a stacked device may come up, the MTU and MAC it may take, and what follows when
 * the lower device goes up or down or changes its MTU or MAC (the drivers' NETDEV_UP, NETDEV_DOWN,
 * NETDEV_CHANGEMTU and NETDEV_CHANGEADDR handlers).
 */
final class StackedDevices {

  private StackedDevices() {}

  /** The smallest MTU a device of this kind takes, as its driver sets min_mtu. */
  static int minMtu(NetDevice dev) {
    return dev.kind() instanceof DeviceKind.Vlan ? 0 : 68;
  }

  /**
   * A stacked device cannot be larger than its lower device: macvlan_change_mtu() answers EINVAL,
   * vlan_dev_change_mtu() ERANGE.
   */
  static void checkMtu(NetDevice dev, int mtu) {
    if (dev.kind() instanceof DeviceKind.Stacked stacked && mtu > stacked.lower().mtu()) {
      throw new KernelException(
          dev.kind() instanceof DeviceKind.Vlan ? Errno.ERANGE : Errno.EINVAL);
    }
  }

  /**
   * NETDEV_CHANGEMTU on a lower device: no stacked device stays larger than it, and ipvlans take
   * its MTU whatever it is (ipvlan_adjust_mtu()).
   */
  static void lowerMtuChanged(NetDevice lower) {
    for (NetDevice upper : lower.uppers()) {
      if (upper.mtu() > lower.mtu() || upper.kind() instanceof DeviceKind.Ipvlan) {
        upper.setMtuValue(lower.mtu());
      }
    }
  }

  /**
   * NETDEV_CHANGEADDR on a lower device: a VLAN device whose MAC was never set by hand takes the
   * new one (vlan_sync_address()), and so does a passthru macvlan.
   */
  private static void lowerMacChanged(NetDevice lower, MacAddress mac) {
    for (NetDevice upper : lower.uppers()) {
      boolean follows =
          switch (upper.kind()) {
            case DeviceKind.Vlan(VlanState state) -> state.inheritsMac();
            case DeviceKind.Macvlan(MacvlanState state) -> state.mode() == MacvlanMode.PASSTHRU;
            case DeviceKind.Ipvlan i -> true;
            default -> false;
          };
      if (follows && !upper.mac().equals(mac)) {
        upper.setMac(mac);
      }
    }
  }

  /**
   * ndo_open: a macvlan outside passthru cannot come up with a MAC that is taken; a VLAN device
   * cannot come up while its lower device is down (vlan_dev_open(): ENETDOWN).
   */
  static void checkOpen(NetDevice dev) {
    switch (dev.kind()) {
      case DeviceKind.Macvlan(MacvlanState state) ->
          MacvlanRules.checkAddress(dev, state, dev.mac());
      case DeviceKind.Vlan(VlanState state) -> {
        if (!state.lower().isAdminUp()) {
          throw new KernelException(Errno.ENETDOWN);
        }
      }
      default -> {}
    }
  }

  /** Whether ipvlans sit on {@code dev} (its receive handler is theirs). */
  static boolean carriesIpvlans(NetDevice dev) {
    return ipvlanPort(dev) != null;
  }

  /** The ipvlan port of {@code lower}, if ipvlans sit on it. */
  static IpvlanPort ipvlanPort(NetDevice lower) {
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Ipvlan(IpvlanState state)) {
        return state.port();
      }
    }
    return null;
  }

  /**
   * ndo_set_mac_address: a macvlan refuses a MAC that is taken; an ipvlan has none to call (its MAC
   * is its lower device's).
   */
  static void checkMac(NetDevice dev, MacAddress mac) {
    if (dev.kind() instanceof DeviceKind.Ipvlan) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    if (dev.kind() instanceof DeviceKind.Macvlan(MacvlanState state) && !mac.equals(dev.mac())) {
      MacvlanRules.checkAddress(dev, state, mac);
    }
  }

  /**
   * After {@code dev} took {@code mac}: a VLAN device stops following its lower device's MAC; a
   * passthru macvlan's MAC is its lower device's; VLAN devices on {@code dev} follow it.
   */
  static void macSet(NetDevice dev, MacAddress mac) {
    switch (dev.kind()) {
      case DeviceKind.Vlan(VlanState state) -> state.stopInheritingMac();
      case DeviceKind.Macvlan(MacvlanState state) -> {
        if (state.mode() == MacvlanMode.PASSTHRU) {
          state.lower().netns().setMac(state.lower(), mac);
        }
      }
      default -> {}
    }
    lowerMacChanged(dev, mac);
  }

  /**
   * vlan_device_event(NETDEV_UP / NETDEV_DOWN): the VLAN devices on a lower device that goes down
   * go down with it, and all of them come up when it comes up.
   */
  static void lowerAdminChanged(NetDevice lower, boolean up) {
    for (NetDevice upper : List.copyOf(lower.uppers())) {
      if (upper.kind() instanceof DeviceKind.Vlan && upper.isAdminUp() != up) {
        upper.netns().setUp(upper, up);
      }
    }
  }
}
