package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;

/**
 * What stacked devices (macvlan, vlan) and their lower devices do to each other when a link setting
 * changes: the MTU a stacked device may take, and what follows when the lower device's MTU or MAC
 * changes (the drivers' NETDEV_CHANGEMTU and NETDEV_CHANGEADDR handlers).
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

  /** NETDEV_CHANGEMTU on a lower device: no stacked device stays larger than it. */
  static void lowerMtuChanged(NetDevice lower) {
    for (NetDevice upper : lower.uppers()) {
      if (upper.mtu() > lower.mtu()) {
        upper.setMtuValue(lower.mtu());
      }
    }
  }

  /**
   * NETDEV_CHANGEADDR on a lower device: a VLAN device whose MAC was never set by hand takes the
   * new one (vlan_sync_address()).
   */
  static void lowerMacChanged(NetDevice lower, MacAddress mac) {
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Vlan(VlanState state) && state.inheritsMac()) {
        upper.setMac(mac);
      }
    }
  }

  /** A MAC set by hand on a VLAN device ends its following the lower device's. */
  static void macSetByHand(NetDevice dev) {
    if (dev.kind() instanceof DeviceKind.Vlan(VlanState state)) {
      state.stopInheritingMac();
    }
  }
}
