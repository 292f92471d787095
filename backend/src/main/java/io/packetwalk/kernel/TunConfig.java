package io.packetwalk.kernel;

/**
 * How a TUN/TAP device was made (TUNSETIFF flags, TUNSETOWNER, TUNSETGROUP, TUNSETPERSIST): its
 * mode, the user and group allowed to attach (-1 for anyone), and the flags {@code ip tuntap}
 * shows.
 *
 * @param mode tun (IP packets) or tap (Ethernet frames)
 * @param owner the uid allowed to attach, or -1
 * @param group the gid allowed to attach, or -1
 * @param packetInfo IFF_NO_PI clear: each packet read or written starts with a 4-byte header
 * @param vnetHeader IFF_VNET_HDR: a virtio-net header precedes each packet
 * @param multiQueue IFF_MULTI_QUEUE: several descriptors may attach, one queue each
 * @param oneQueue IFF_ONE_QUEUE: accepted and kept for {@code ip tuntap show}, ignored since 3.8
 * @param persist TUNSETPERSIST: the device outlives the descriptor that made it
 */
public record TunConfig(
    Mode mode,
    int owner,
    int group,
    boolean packetInfo,
    boolean vnetHeader,
    boolean multiQueue,
    boolean oneQueue,
    boolean persist) {

  /** IFF_TUN or IFF_TAP. */
  public enum Mode {
    /** Layer 3: IP packets, no link-layer header, POINTOPOINT and NOARP. */
    TUN,
    /** Layer 2: Ethernet frames, a MAC of its own, ARP like any Ethernet device. */
    TAP;

    /** The word {@code ip tuntap} and {@code ip -d link} use: tun or tap. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a program's plain open("/dev/net/tun") + TUNSETIFF(IFF_TUN|IFF_NO_PI) makes. */
  public static TunConfig transientDevice(Mode mode) {
    return new TunConfig(mode, -1, -1, false, false, false, false, false);
  }
}
