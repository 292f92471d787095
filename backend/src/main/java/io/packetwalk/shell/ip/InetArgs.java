package io.packetwalk.shell.ip;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.Optional;

/**
 * iproute2's address parsing: {@code get_addr}/{@code get_prefix} (IPv4 octets read with {@code
 * strtoul(…, 0)}, so {@code 10.0.0} is {@code 10.0.0.0} and {@code 010} is octal; the keywords
 * {@code default}, {@code all} and {@code any}; a length or a dotted netmask after the slash) and
 * {@code ll_addr_a2n} for link-layer addresses.
 */
final class InetArgs {

  /** What an address argument turned out to be. */
  record Parsed(Ipv4Address address, int length, boolean lengthGiven, boolean anyKeyword) {

    Ipv4Prefix prefix() {
      return new Ipv4Prefix(address, length);
    }
  }

  /** Families as iproute2's messages name them. */
  enum Family {
    UNSPEC("any valid"),
    INET("inet"),
    INET6("inet6");

    private final String verbose;

    Family(String verbose) {
      this.verbose = verbose;
    }
  }

  private InetArgs() {}

  /** get_prefix(): exits with status 1 when the text is no prefix of the family. */
  static Parsed prefix(String text, Family family) {
    return parsePrefix(text, family)
        .orElseThrow(() ->
            new ToolFailure(
                1,
                "Error: " + family.verbose + " prefix is expected rather than \"" + text + "\"."));
  }

  /** get_addr(): exits with status 1 when the text is no address of the family. */
  static Parsed address(String text, Family family) {
    return parseAddress(text, family)
        .orElseThrow(() ->
            new ToolFailure(
                1,
                "Error: " + family.verbose + " address is expected rather than \"" + text + "\"."));
  }

  /** Whether the text would be read as an IPv6 address (iproute2 looks for a colon). */
  static boolean looksLikeIpv6(String text) {
    return text.indexOf(':') >= 0;
  }

  static Optional<Parsed> parsePrefix(String text, Family family) {
    int slash = text.indexOf('/');
    Optional<Parsed> address = parseAddress(slash < 0 ? text : text.substring(0, slash), family);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    Parsed a = address.get();
    if (slash < 0) {
      return Optional.of(new Parsed(a.address(), a.anyKeyword() ? 0 : 32, false, a.anyKeyword()));
    }
    if (a.anyKeyword()) {
      return Optional.empty();
    }
    OptionalLength length = netmask(text.substring(slash + 1));
    if (length.value < 0 || length.value > 32) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(a.address(), length.value, true, false));
  }

  static Optional<Parsed> parseAddress(String text, Family family) {
    if (text.equals("default") || text.equals("all") || text.equals("any")) {
      return Optional.of(new Parsed(Ipv4Address.ANY, 0, true, true));
    }
    if (looksLikeIpv6(text) || family == Family.INET6) {
      return Optional.empty();
    }
    return ipv4(text).map(a -> new Parsed(a, 32, false, false));
  }

  /** get_addr_ipv4(): up to four strtoul() octets separated by dots; missing octets are 0. */
  static Optional<Ipv4Address> ipv4(String text) {
    int[] octets = new int[4];
    int cursor = 0;
    for (int i = 0; i < 4; i++) {
      Strtoul n = Strtoul.parse(text, cursor);
      if (n.end == cursor || n.value > 255) {
        return Optional.empty();
      }
      octets[i] = (int) n.value;
      if (n.end == text.length()) {
        break;
      }
      if (i == 3 || text.charAt(n.end) != '.') {
        return Optional.empty();
      }
      cursor = n.end + 1;
    }
    return Optional.of(Ipv4Address.of(octets[0], octets[1], octets[2], octets[3]));
  }

  private record OptionalLength(int value) {}

  /** get_netmask(): a number (strtoul base 0) or a contiguous dotted netmask; -1 when invalid. */
  private static OptionalLength netmask(String text) {
    Strtoul n = Strtoul.parse(text, 0);
    if (n.end == text.length() && n.end > 0) {
      return new OptionalLength(n.value > 0xffff_ffffL ? -1 : (int) Math.min(n.value, 33));
    }
    Optional<Ipv4Address> mask = ipv4(text);
    if (mask.isEmpty()) {
      return new OptionalLength(-1);
    }
    int bits = mask.get().bits();
    int length = Integer.bitCount(bits);
    if (bits != Ipv4Prefix.mask(length)) {
      return new OptionalLength(-1);
    }
    return new OptionalLength(length);
  }

  /**
   * ll_addr_a2n() for an Ethernet device: colon-separated hex bytes (as sscanf("%x") reads them).
   * Exits with status 1 and iproute2's message when a part is not a byte.
   */
  static byte[] lladdr(String text) {
    if (text.indexOf('.') >= 0) {
      Optional<Ipv4Address> a = ipv4(text);
      if (a.isEmpty()) {
        throw new ToolFailure(1, "\"" + text + "\" is invalid lladdr.");
      }
      int bits = a.get().bits();
      return new byte[] {
        (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
      };
    }
    String[] parts = text.split(":", -1);
    int count = Math.min(parts.length, 32);
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      int value = scanHex(parts[i]);
      if (value < 0 || value > 255) {
        throw new ToolFailure(1, "\"" + parts[i] + "\" is invalid lladdr.");
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  /** A 6-byte lladdr as a MAC, or the iproute2 length error (status 1). */
  static MacAddress mac(String text) {
    byte[] bytes = lladdr(text);
    if (bytes.length != 6) {
      throw new ToolFailure(1, "Invalid address length " + bytes.length + " - must be 6 bytes");
    }
    long bits = 0;
    for (byte b : bytes) {
      bits = (bits << 8) | (b & 0xff);
    }
    return new MacAddress(bits);
  }

  /** sscanf("%x"): optional sign and 0x, then hex digits; -1 when none; large values clamp. */
  private static int scanHex(String part) {
    int i = 0;
    boolean negative = false;
    if (i < part.length() && (part.charAt(i) == '+' || part.charAt(i) == '-')) {
      negative = part.charAt(i) == '-';
      i++;
    }
    if ((part.startsWith("0x", i) || part.startsWith("0X", i))
        && i + 2 < part.length()
        && Character.digit(part.charAt(i + 2), 16) >= 0) {
      i += 2;
    }
    long value = 0;
    int digits = 0;
    while (i < part.length() && Character.digit(part.charAt(i), 16) >= 0) {
      value = Math.min(value * 16 + Character.digit(part.charAt(i), 16), 1L << 32);
      i++;
      digits++;
    }
    if (digits == 0) {
      return -1;
    }
    return negative && value != 0 ? -1 : (int) Math.min(value, 256);
  }

  /** strtoul(text + from, &end, 0) for the digits iproute2 feeds it. */
  record Strtoul(long value, int end) {

    static final long ULONG_MAX_CLAMP = Long.MAX_VALUE;

    static Strtoul parse(String text, int from) {
      int i = from;
      boolean negative = false;
      if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        negative = text.charAt(i) == '-';
        i++;
      }
      int base = 10;
      if (i + 1 < text.length()
          && text.charAt(i) == '0'
          && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
          && i + 2 < text.length()
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        base = 16;
        i += 2;
      } else if (i < text.length() && text.charAt(i) == '0') {
        base = 8;
      }
      int start = i;
      long value = 0;
      while (i < text.length() && Character.digit(text.charAt(i), base) >= 0) {
        value =
            value > ULONG_MAX_CLAMP / 16
                ? ULONG_MAX_CLAMP
                : value * base + Character.digit(text.charAt(i), base);
        i++;
      }
      if (i == start) {
        return new Strtoul(0, from);
      }
      if (negative && value != 0) {
        value = ULONG_MAX_CLAMP;
      }
      return new Strtoul(value, i);
    }
  }
}
