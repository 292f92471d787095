package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;

/**
 * The checks drivers/net/macvlan.c makes when a macvlan is created, opened or changed, and which
 * devices its lower device accepts: one receive handler per device, so a bridge port cannot carry
 * macvlans and a device with macvlans cannot join a bridge.
 */
final class MacvlanRules {

  private MacvlanRules() {}

  /** A macvlan made on a macvlan really sits on that one's lower device. */
  static NetDevice realLower(NetDevice lower) {
    return lower.kind() instanceof DeviceKind.Macvlan(MacvlanState state) ? state.lower() : lower;
  }

  /** macvlan_common_newlink(): what a new macvlan on {@code lower} may not do. */
  static void checkNew(NetDevice lower, MacvlanMode mode, Integer mtu) {
    if (lower.isLoopback()) {
      throw new KernelException(Errno.EINVAL);
    }
    if (lower.master() != null || StackedDevices.carriesIpvlans(lower)) {
      throw new KernelException(Errno.EBUSY);
    }
    boolean hasMacvlans = false;
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Macvlan(MacvlanState sibling)) {
        hasMacvlans = true;
        if (sibling.mode() == MacvlanMode.PASSTHRU) {
          throw new KernelException(Errno.EINVAL);
        }
      }
    }
    if (mode == MacvlanMode.PASSTHRU && hasMacvlans) {
      throw new KernelException(Errno.EINVAL);
    }
    if (mtu != null && mtu > lower.mtu()) {
      throw new KernelException(Errno.EINVAL);
    }
  }

  /** Whether {@code dev} has macvlans on it (its receive handler is taken). */
  static boolean carriesMacvlans(NetDevice dev) {
    return dev.uppers().stream().anyMatch(u -> u.kind() instanceof DeviceKind.Macvlan);
  }

  /**
   * macvlan_open() / macvlan_set_mac_address() (macvlan_addr_busy()): outside passthru, a macvlan
   * that is up cannot have its lower device's MAC or the MAC of a sibling that is up.
   */
  static void checkAddress(NetDevice dev, MacvlanState state, MacAddress mac) {
    if (state.mode() == MacvlanMode.PASSTHRU) {
      return;
    }
    NetDevice lower = state.lower();
    boolean busy =
        mac.equals(lower.mac())
            || lower.uppers().stream()
                .anyMatch(u -> u != dev && u.isAdminUp() && u.mac().equals(mac));
    if (busy) {
      throw new KernelException(Errno.EADDRINUSE);
    }
  }

  /** macvlan_changelink(): passthru cannot be switched on or off. */
  static void checkModeChange(MacvlanState state, MacvlanMode mode) {
    if ((mode == MacvlanMode.PASSTHRU) != (state.mode() == MacvlanMode.PASSTHRU)) {
      throw new KernelException(Errno.EINVAL);
    }
  }

  /**
   * The promiscuity a lower device gets from its macvlans: one while it is up and a macvlan in a
   * shared mode is up (its MAC is in the lower's unicast list, which a veth cannot filter), plus
   * one per passthru macvlan that is up without {@code nopromisc}.
   */
  static int lowerPromiscuity(NetDevice lower) {
    int count = 0;
    boolean shared = false;
    for (NetDevice upper : lower.uppers()) {
      if (upper.isAdminUp() && upper.kind() instanceof DeviceKind.Macvlan(MacvlanState state)) {
        if (state.mode() != MacvlanMode.PASSTHRU) {
          shared = true;
        } else if (!state.settings().noPromisc()) {
          count++;
        }
      }
    }
    return count + (shared && lower.isAdminUp() ? 1 : 0);
  }
}
