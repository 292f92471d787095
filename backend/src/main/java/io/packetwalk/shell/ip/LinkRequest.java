package io.packetwalk.shell.ip;

import io.packetwalk.kernel.IfName;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code ip link add|set|delete} request as iplink_parse() reads it: the device, a new name,
 * the up/down flag, MTU, MAC, target namespace, master, and the {@code type} with the words after
 * it. Values are checked as iproute2 checks them before anything is sent to the kernel.
 */
final class LinkRequest {

  /** Keywords iproute2 accepts (each with one value) that change what Packetwalk does not model. */
  private static final Set<String> UNSIMULATED =
      Set.of(
          "index",
          "multicast",
          "allmulticast",
          "promisc",
          "trailers",
          "arp",
          "carrier",
          "vf",
          "vrf",
          "group",
          "mode",
          "state",
          "link-netns",
          "protodown",
          "gso_max_size",
          "gso_max_segs",
          "gro_max_size",
          "parentdev",
          "xdp",
          "xdpgeneric",
          "xdpdrv",
          "xdpoffload");

  /** Abbreviable keywords (matches()) with one value that Packetwalk does not model. */
  private static final List<String> UNSIMULATED_PREFIXES =
      List.of(
          "broadcast",
          "txqueuelen",
          "txqlen",
          "dynamic",
          "alias",
          "numtxqueues",
          "numrxqueues",
          "addrgenmode",
          "link-netnsid");

  /** Keywords whose value must be "on" or "off". */
  private static final Set<String> ON_OFF =
      Set.of("multicast", "allmulticast", "promisc", "trailers", "arp", "carrier", "protodown");

  /**
   * Keywords whose value must be a number, with the name iproute2's "Invalid … value" error gives
   * ({@code txqlen} is reported as txqueuelen; only {@code index} has no blank line after it).
   */
  private static final Map<String, String> NUMERIC =
      Map.of(
          "vf", "Invalid \"vf\" value\n",
          "index", "Invalid \"index\" value",
          "txqueuelen", "Invalid \"txqueuelen\" value\n",
          "txqlen", "Invalid \"txqueuelen\" value\n",
          "numtxqueues", "Invalid \"numtxqueues\" value\n",
          "numrxqueues", "Invalid \"numrxqueues\" value\n",
          "gso_max_size", "Invalid \"gso_max_size\" value\n",
          "gso_max_segs", "Invalid \"gso_max_segs\" value\n",
          "gro_max_size", "Invalid \"gro_max_size\" value\n");

  /** A netns argument: a name under /run/netns, or a process id when it is a number. */
  record NetnsRef(String text, Integer pid) {}

  String dev;
  private boolean devIsName;
  String name;
  Boolean up;
  Integer mtu;
  byte[] address;
  NetnsRef netns;

  /** {@code link DEV}: the lower device of a stacked kind (macvlan, vlan, ipvlan). */
  String link;

  /** The master's name; "" for nomaster. */
  String master;

  String type;
  List<String> typeArgs = List.of();

  /** The first keyword given that Packetwalk does not simulate, if any. */
  String unsimulated;

  /**
   * Parses from the current word on; stops after {@code type T} (its options go to typeArgs).
   * {@code deviceExists} answers iproute2's lookup of a master by name, made while parsing.
   */
  static LinkRequest parse(
      IprouteArgs args, boolean allowType, java.util.function.Predicate<String> deviceExists) {
    LinkRequest r = new LinkRequest();
    while (args.hasNext()) {
      String word = args.peek();
      if (word.equals("up")) {
        r.up = true;
      } else if (word.equals("down")) {
        r.up = false;
      } else if (word.equals("name")) {
        r.parseName(args.nextValue());
      } else if (word.equals("mtu")) {
        String value = args.nextValue();
        if (r.mtu != null) {
          throw IprouteArgs.duparg("mtu", value);
        }
        r.mtu =
            integer(value).orElseThrow(() -> IprouteArgs.invarg("Invalid \"mtu\" value\n", value));
      } else if (IprouteArgs.matches(word, "address")) {
        r.address = InetArgs.lladdr(args.nextValue());
      } else if (word.equals("netns")) {
        String value = args.nextValue();
        if (r.netns != null) {
          throw IprouteArgs.duparg("netns", value);
        }
        r.netns = new NetnsRef(value, integer(value).orElse(null));
      } else if (IprouteArgs.matches(word, "master")) {
        r.master = args.nextValue();
        if (!deviceExists.test(r.master)) {
          throw IprouteArgs.invarg("Device does not exist\n", r.master);
        }
      } else if (IprouteArgs.matches(word, "link")) {
        r.link = args.nextValue();
      } else if (IprouteArgs.matches(word, "nomaster")) {
        r.master = "";
      } else if (allowType && IprouteArgs.matches(word, "type")) {
        r.type = args.nextValue();
        args.skip();
        r.typeArgs = new ArrayList<>(args.rest());
        return r;
      } else if (unsimulatedKeyword(word).isPresent()) {
        String keyword = unsimulatedKeyword(word).get();
        if (r.unsimulated == null) {
          r.unsimulated = word;
        }
        String value = args.nextValue();
        if (ON_OFF.contains(word) && !value.equals("on") && !value.equals("off")) {
          throw IprouteArgs.onOff(word, value);
        }
        if (NUMERIC.containsKey(keyword) && !isNumber(keyword, value)) {
          throw IprouteArgs.invarg(NUMERIC.get(keyword), value);
        }
      } else {
        r.parseDev(args, word);
      }
      args.skip();
    }
    return r;
  }

  private void parseName(String value) {
    if (name != null) {
      throw IprouteArgs.duparg("name", value);
    }
    if (!validIfname(value, 16)) {
      throw IprouteArgs.invarg("\"name\" not a valid ifname", value);
    }
    name = value;
    if (dev == null) {
      dev = value;
      devIsName = true;
    }
  }

  private void parseDev(IprouteArgs args, String word) {
    if (IprouteArgs.matches(word, "help")) {
      throw IpUsage.link();
    }
    String value = word.equals("dev") ? args.nextValue() : word;
    if (dev != null && !devIsName) {
      throw IprouteArgs.duparg2("dev", value);
    }
    if (!validIfname(value, 128)) {
      throw IprouteArgs.invarg("\"dev\" not a valid ifname", value);
    }
    dev = value;
    devIsName = false;
  }

  /** The unsimulated keyword a word stands for (prefixes may be abbreviated), if any. */
  private static Optional<String> unsimulatedKeyword(String word) {
    if (UNSIMULATED.contains(word)) {
      return Optional.of(word);
    }
    return UNSIMULATED_PREFIXES.stream().filter(k -> IprouteArgs.matches(word, k)).findFirst();
  }

  /** get_integer()/get_u32() for most; atoi() > 0 for index, which ignores trailing junk. */
  private static boolean isNumber(String keyword, String value) {
    if (keyword.equals("index")) {
      int digits = 0;
      while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
        digits++;
      }
      return digits > 0 && value.substring(0, digits).chars().anyMatch(c -> c != '0');
    }
    return integer(value).isPresent();
  }

  /** Whether a device name was given twice, as "name" and positionally (refused on create). */
  boolean nameAndDevDiffer() {
    return name != null && dev != null && !devIsName;
  }

  /** The name for a new device: "name" or the positional one. */
  String newName() {
    return name != null ? name : dev;
  }

  /** The MAC, when the address has Ethernet's six bytes; the iproute2 error otherwise. */
  Optional<MacAddress> mac() {
    if (address == null) {
      return Optional.empty();
    }
    if (address.length != 6) {
      throw new ToolFailure(1, "Invalid address length " + address.length + " - must be 6 bytes");
    }
    long bits = 0;
    for (byte b : address) {
      bits = (bits << 8) | (b & 0xff);
    }
    return Optional.of(new MacAddress(bits));
  }

  /** check_ifname() (limit 16: IFNAMSIZ) and check_altifname() (limit 128), on UTF-8 bytes. */
  static boolean validIfname(String name, int limit) {
    return IfName.validForIproute(name, limit);
  }

  /** get_integer(): a whole number in C syntax (decimal, 0x hex, 0 octal, optional sign). */
  static Optional<Integer> integer(String text) {
    boolean negative = text.startsWith("-");
    String digits = negative || text.startsWith("+") ? text.substring(1) : text;
    InetArgs.Strtoul n = InetArgs.Strtoul.parse(digits, 0);
    if (digits.isEmpty() || n.end() != digits.length() || digits.startsWith("-")) {
      return Optional.empty();
    }
    long value = negative ? -n.value() : n.value();
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      return Optional.empty();
    }
    return Optional.of((int) value);
  }
}
