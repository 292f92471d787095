package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;

/**
 * An IPv6 address the kernel configured by itself (addrconf): the text inet_ntop prints, the prefix
 * length and the scope word {@code ip addr} shows.
 */
public record Inet6Address(String address, int prefixLength, String scope, boolean stablePrivacy) {

  public Inet6Address(String address, int prefixLength, String scope) {
    this(address, prefixLength, scope, false);
  }

  /** {@code ::1/128 scope host}, on a loopback once it is up. */
  static final Inet6Address LOOPBACK = new Inet6Address("::1", 128, "host");

  /** The EUI-64 link-local address for a MAC, {@code fe80::…/64 scope link}. */
  public static Inet6Address linkLocal(MacAddress mac) {
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
    return new Inet6Address(format(groups), 64, "link");
  }

  /**
   * A link-local address with a random interface identifier, as addrconf gives a device without a
   * MAC (ARPHRD_NONE: a TUN) once its addrgenmode turned to random; flagged stable-privacy.
   */
  static Inet6Address randomLinkLocal(java.util.SplittableRandom random) {
    int[] groups = new int[8];
    groups[0] = 0xfe80;
    for (int i = 4; i < 8; i++) {
      groups[i] = random.nextInt(0x10000);
    }
    return new Inet6Address(format(groups), 64, "link", true);
  }

  /** inet_ntop: the longest run of two or more zero groups becomes "::". */
  private static String format(int[] groups) {
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
