package io.packetwalk.kernel;

/**
 * IPv6 address autoconfiguration as linkwatch's events drive it (addrconf_notify()): once a device
 * is up with carrier it gets its EUI-64 link-local address ({@code ::1} on loopback, a random one
 * on a TUN, which has no MAC); going down or disabling IPv6 takes its addresses away, and
 * re-enabling IPv6 configures them afresh.
 */
final class Addrconf {

  private Addrconf() {}

  static void update(NetDevice dev, LinkState link, boolean carrier) {
    boolean up = dev.isAdminUp();
    boolean disabled = dev.netns().sysctls().ipv6Disabled(dev);
    if (!up || disabled) {
      link.inet6.clear();
      if (!up) {
        link.ipv6Ready = false;
      }
    }
    boolean reEnabled = link.ipv6Disabled && !disabled;
    link.ipv6Disabled = disabled;
    if (!up || disabled || !carrier) {
      return;
    }
    if (!link.ipv6Ready || reEnabled) {
      link.ipv6Ready = true;
      link.inet6.clear();
      if (dev.isLoopback()) {
        link.inet6.add(Inet6Address.LOOPBACK);
      } else if (dev.kind() instanceof DeviceKind.Tun(TunState tun) && tun.isTun()) {
        link.addrGenRandom = true;
        link.inet6.add(Inet6Address.randomLinkLocal(dev.netns().world().random()));
      } else {
        link.inet6.add(Inet6Address.linkLocal(dev.mac()));
        link.linkLocalMac = dev.mac();
      }
    }
  }
}
