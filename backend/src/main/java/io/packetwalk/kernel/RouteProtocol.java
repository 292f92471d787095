package io.packetwalk.kernel;

/** Who installed a route (RTPROT_*), with iproute2's names. */
public enum RouteProtocol {
  /** Installed by the kernel itself (connected and local routes). */
  KERNEL(2, "kernel"),
  /** Installed by {@code ip route add} without {@code proto} (not printed). */
  BOOT(3, "boot"),
  /** Installed by an administrator with {@code proto static}. */
  STATIC(4, "static"),
  /** Installed by a DHCP client. */
  DHCP(16, "dhcp");

  private final int number;
  private final String word;

  RouteProtocol(int number, String word) {
    this.number = number;
    this.word = word;
  }

  public int number() {
    return number;
  }

  public String word() {
    return word;
  }
}
