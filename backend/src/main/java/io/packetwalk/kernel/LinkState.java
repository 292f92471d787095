package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel keeps about one device's link besides its settings, as {@link Linkwatch} last saw
 * it: the operstate it derived, the carrier and master it saw, whether a qdisc is attached, the
 * IPv6 addresses addrconf configured and the extra unicast addresses the device accepts.
 */
final class LinkState {

  /** The namespace linkwatch last saw the device in; null before it first saw the device. */
  NetNamespace netns;

  boolean carrier;
  OperState operState = OperState.UNKNOWN;
  NetDevice master;
  boolean qdiscAttached;
  boolean ipv6Ready;
  boolean ipv6Disabled;

  /**
   * The device's IPv6 addrgenmode turned random (addrconf does so for a device without a MAC, a
   * TUN, the first time it configures it); kept until the device leaves the namespace.
   */
  boolean addrGenRandom;

  /** The MAC the link-local address was made from. */
  MacAddress linkLocalMac;

  final List<Inet6Address> inet6 = new ArrayList<>();

  /** dev->uc: {@code bridge fdb add MAC dev DEV self} on a device that is not a bridge. */
  final List<MacAddress> unicast = new ArrayList<>();

  boolean seen() {
    return netns != null;
  }
}
