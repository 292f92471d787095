package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Match.PortRange;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the values iptables options take: ports, addresses, marks, numbers. */
final class Words {

  private static final Map<String, Integer> SERVICES =
      Map.of("ssh", 22, "domain", 53, "http", 80, "https", 443, "smtp", 25, "ntp", 123);

  private Words() {}

  /** A port (0–65535) or a well-known service name. */
  static Optional<Integer> port(String text) {
    if (SERVICES.containsKey(text)) {
      return Optional.of(SERVICES.get(text));
    }
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int port = Integer.parseInt(text);
    return port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  /** {@code 80}, {@code 1000:2000}, {@code :1024} (from 0) or {@code 1024:} (to 65535). */
  static PortRange portRange(String program, String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      int port = port(text).orElseThrow(() -> badPort(program, text));
      return new PortRange(port, port);
    }
    String low = text.substring(0, colon);
    String high = text.substring(colon + 1);
    int first = low.isEmpty() ? 0 : port(low).orElseThrow(() -> badPort(program, low));
    int last = high.isEmpty() ? 65535 : port(high).orElseThrow(() -> badPort(program, high));
    if (first > last) {
      throw IptablesError.usage(program, "invalid portrange (min > max) specified");
    }
    return new PortRange(first, last);
  }

  private static RuntimeException badPort(String program, String text) {
    return IptablesError.usage(program, "invalid port/service `" + text + "' specified");
  }

  /** {@code A.B.C.D}, {@code A.B.C.D/N} or {@code A.B.C.D/M.M.M.M} (contiguous), as a network. */
  static Ipv4Prefix network(String program, String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<Ipv4Address> parsed = Ipv4Address.tryParse(address);
    if (parsed.isEmpty()) {
      throw IptablesError.usage(program, "host/network `" + address + "' not found");
    }
    int length = 32;
    if (slash >= 0) {
      String mask = text.substring(slash + 1);
      if (!mask.isEmpty() && mask.length() <= 2 && mask.chars().allMatch(Character::isDigit)) {
        length = Integer.parseInt(mask);
        if (length > 32) {
          throw IptablesError.usage(program, "invalid mask `" + mask + "' specified");
        }
      } else {
        Optional<Ipv4Address> dotted = Ipv4Address.tryParse(mask);
        int bits = dotted.map(Ipv4Address::bits).orElse(1);
        int ones = Integer.bitCount(bits);
        if (dotted.isEmpty() || Ipv4Prefix.mask(ones) != bits) {
          throw IptablesError.usage(program, "invalid mask `" + mask + "' specified");
        }
        length = ones;
      }
    }
    return new Ipv4Prefix(parsed.get(), length).network();
  }

  /** A mark {@code value[/mask]} in decimal or hex; the mask defaults to all ones. */
  static long[] mark(String program, String text) {
    int slash = text.indexOf('/');
    long value = number(program, slash < 0 ? text : text.substring(0, slash), "mark");
    long mask = slash < 0 ? 0xffffffffL : number(program, text.substring(slash + 1), "mark");
    return new long[] {value, mask};
  }

  /** An unsigned 32-bit number, decimal or {@code 0x} hex. */
  static long number(String program, String text, String what) {
    try {
      long value =
          text.startsWith("0x") || text.startsWith("0X")
              ? Long.parseLong(text.substring(2), 16)
              : Long.parseLong(text);
      if (value < 0 || value > 0xffffffffL) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw IptablesError.usage(program, "Bad " + what + " value \"" + text + "\"");
    }
  }

  /** A comma list of words. */
  static List<String> list(String text) {
    return List.of(text.split(",", -1));
  }
}
