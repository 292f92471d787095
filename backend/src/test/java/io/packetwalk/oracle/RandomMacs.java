package io.packetwalk.oracle;

import io.packetwalk.kernel.Inet6Address;
import io.packetwalk.net.MacAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAC addresses the script did not set are random on a real kernel (veth, bridge and dummy devices
 * get {@code eth_random_addr()}), and so is everything derived from them: a bridge id ({@code
 * 8000.aed6211e15ca}, or {@code 8000.2:0:0:0:0:b0} in {@code ip -d}) and an EUI-64 IPv6 link-local
 * address. Each of those is replaced by a placeholder unless the MAC appears literally in the
 * script. All-zero, broadcast and multicast MACs are kept.
 */
final class RandomMacs implements Normalisation {

  private static final Pattern MAC =
      Pattern.compile("(?<![0-9a-fA-F:])([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})(?![0-9a-fA-F:])");
  private static final Pattern BRIDGE_ID = Pattern.compile("\\b([0-9a-f]{4})\\.([0-9a-f]{12})\\b");
  private static final Pattern SHORT_BRIDGE_ID =
      Pattern.compile("\\b([0-9a-f]{1,4})\\.([0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5})\\b");
  private static final Pattern LINK_LOCAL = Pattern.compile("\\bfe80::[0-9a-f:]*[0-9a-f]");

  private final Set<Long> known = new HashSet<>();
  private final Set<String> knownLinkLocals = new HashSet<>();

  RandomMacs(String script) {
    Matcher m = MAC.matcher(script);
    while (m.find()) {
      long mac = parse(m.group(1));
      known.add(mac);
      knownLinkLocals.add(linkLocal(mac));
    }
  }

  @Override
  public String apply(CommandLine command, String text) {
    String t = MAC.matcher(text).replaceAll(r -> keep(parse(r.group(1))) ? r.group() : "<mac>");
    t =
        BRIDGE_ID
            .matcher(t)
            .replaceAll(r -> {
              long mac = Long.parseLong(r.group(2), 16);
              return keep(mac) ? r.group() : r.group(1) + ".<mac>";
            });
    t =
        SHORT_BRIDGE_ID
            .matcher(t)
            .replaceAll(r -> keep(parse(r.group(2))) ? r.group() : r.group(1) + ".<mac>");
    return LINK_LOCAL
        .matcher(t)
        .replaceAll(r -> knownLinkLocals.contains(r.group()) ? r.group() : "fe80::<eui64>");
  }

  private boolean keep(long mac) {
    boolean multicast = ((mac >>> 40) & 1) == 1;
    return mac == 0 || multicast || known.contains(mac);
  }

  private static long parse(String text) {
    long bits = 0;
    for (String part : text.split(":")) {
      bits = (bits << 8) | Integer.parseInt(part, 16);
    }
    return bits;
  }

  /** The EUI-64 link-local address the kernel derives from a MAC, printed as inet_ntop does. */
  static String linkLocal(long mac) {
    return Inet6Address.linkLocal(new MacAddress(mac)).address();
  }
}
