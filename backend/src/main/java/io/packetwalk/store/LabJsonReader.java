package io.packetwalk.store;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.lab.LabAddress;
import io.packetwalk.lab.LabBridge;
import io.packetwalk.lab.LabDevice;
import io.packetwalk.lab.LabDeviceKind;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabFdbEntry;
import io.packetwalk.lab.LabHost;
import io.packetwalk.lab.LabNamespace;
import io.packetwalk.lab.LabNeighbour;
import io.packetwalk.lab.LabPeer;
import io.packetwalk.lab.LabPort;
import io.packetwalk.lab.LabPosition;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabProblem;
import io.packetwalk.lab.LabRoute;
import io.packetwalk.lab.LabStacked;
import io.packetwalk.lab.LabTun;
import io.packetwalk.lab.LabValueException;
import io.packetwalk.lab.LabVlan;
import io.packetwalk.lab.LabVxlan;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON tree of a current-version document into lab records, collecting every problem
 * (with its path) instead of stopping at the first. Optional fields take the defaults the format
 * documents; the records themselves check values, and their refusals are reported at the field.
 */
final class LabJsonReader {

  static final List<String> DOCUMENT_FIELDS =
      List.of(
          "schemaVersion", "name", "description", "hosts", "underlay", "layout", "notes", "probes");
  static final List<String> PROBE_FIELDS = List.of("host", "netns", "ping", "run");
  static final List<String> HOST_FIELDS = List.of("name", "namespaces", "bridgeVlanFiltering");
  static final List<String> NAMESPACE_FIELDS =
      List.of("name", "devices", "routes", "neighbours", "fdb", "sysctls", "iptables");
  static final List<String> DEVICE_FIELDS =
      List.of(
          "name",
          "kind",
          "ifindex",
          "mac",
          "mtu",
          "up",
          "master",
          "peer",
          "bridge",
          "port",
          "underlay",
          "vxlan",
          "tun",
          "addresses",
          "stacked");
  static final List<String> STACKED_FIELDS = List.of("lower", "mode", "vlanId", "flag");
  static final List<String> VXLAN_FIELDS =
      List.of(
          "vni",
          "dstPort",
          "local",
          "remote",
          "group",
          "dev",
          "learning",
          "proxy",
          "l2miss",
          "l3miss",
          "ttl",
          "srcPortLow",
          "srcPortHigh",
          "ageing");
  static final List<String> TUN_FIELDS =
      List.of("mode", "user", "group", "pi", "vnetHdr", "multiQueue", "oneQueue");
  static final List<String> PEER_FIELDS = List.of("netns", "device");
  static final List<String> BRIDGE_FIELDS =
      List.of("ageingTime", "stp", "nfCallIptables", "vlanFiltering", "defaultPvid", "vlans");
  static final List<String> PORT_FIELDS = List.of("hairpin", "learning", "flood", "cost", "vlans");
  static final List<String> VLAN_FIELDS = List.of("vid", "pvid", "untagged");
  static final List<String> ADDRESS_FIELDS =
      List.of("prefix", "broadcast", "scope", "label", "metric");
  static final List<String> ROUTE_FIELDS =
      List.of("type", "dst", "via", "dev", "table", "proto", "scope", "src", "metric", "onlink");
  static final List<String> NEIGHBOUR_FIELDS =
      List.of("kind", "address", "dev", "lladdr", "router");
  static final List<String> FDB_FIELDS = List.of("mac", "dev", "dst", "vlan");
  static final List<String> POSITION_FIELDS = List.of("host", "netns", "x", "y");

  private static final String MAC_FORM = "a MAC address like 02:00:00:00:00:01";
  private static final String ADDRESS_FORM = "an IPv4 address like 10.0.0.1";
  private static final String PREFIX_FORM =
      "an IPv4 address with a prefix length, like 10.0.0.1/24";

  private final List<LabProblem> problems = new ArrayList<>();

  private LabJsonReader() {}

  /** The document, or every problem found (as a {@link LabFormatException}). */
  static LabDocument read(JsonNode root) {
    LabJsonReader reader = new LabJsonReader();
    LabDocument document = reader.document(root);
    if (!reader.problems.isEmpty() || document == null) {
      throw new LabFormatException(
          LabFormatException.Reason.INVALID,
          "The lab document has "
              + reader.problems.size()
              + (reader.problems.size() == 1 ? " problem" : " problems")
              + "; nothing was loaded.",
          reader.problems);
    }
    return document;
  }

  /** Builds a record unless its fields had problems; a refused value is reported at its field. */
  /**
   * Reads {@code node} at {@code path} as {@code what} (an object whose fields are among {@code
   * allowed}) with {@code read}; null, with the problem recorded, when it is not such an object.
   */
  private <T> T object(
      JsonNode node, String path, String what, List<String> allowed, Function<JsonFields, T> read) {
    return JsonFields.of(node, path, what, allowed, problems).map(read).orElse(null);
  }

  private <T> T build(JsonFields fields, Supplier<T> constructor) {
    if (!fields.clean()) {
      return null;
    }
    try {
      return constructor.get();
    } catch (LabValueException e) {
      fields.problem(e.field(), e.reason());
      return null;
    }
  }

  private <T> List<T> each(JsonFields fields, String field, boolean required, Reader<T> element) {
    List<JsonNode> nodes = fields.array(field, required);
    List<T> values = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      T value = element.read(nodes.get(i), fields.path(field) + "[" + i + "]");
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** Reads one element of an array at a path. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonNode node, String path);
  }

  private LabDocument document(JsonNode root) {
    return object(
        root,
        "$",
        "a lab document",
        DOCUMENT_FIELDS,
        f -> {
          int version = f.requiredInteger("schemaVersion");
          String name = f.requiredString("name");
          String description = f.string("description", "");
          List<LabHost> hosts = each(f, "hosts", true, this::host);
          List<String> underlay =
              each(
                  f,
                  "underlay",
                  false,
                  (node, path) -> {
                    if (!node.isString()) {
                      problems.add(
                          new LabProblem(
                              path,
                              "expected a switch name (a string), found "
                                  + JsonFields.describe(node)));
                      return null;
                    }
                    return node.stringValue();
                  });
          List<LabPosition> layout = each(f, "layout", false, this::position);
          String notes = f.string("notes", "");
          List<LabProbe> probes = each(f, "probes", false, this::probe);
          return build(
              f,
              () ->
                  new LabDocument(
                      version, name, description, hosts, underlay, layout, notes, probes));
        });
  }

  private LabHost host(JsonNode node, String path) {
    return object(
        node,
        path,
        "a host",
        HOST_FIELDS,
        f -> {
          String name = f.requiredString("name");
          List<LabNamespace> namespaces = each(f, "namespaces", true, this::namespace);
          boolean vlanFiltering = f.bool("bridgeVlanFiltering", false);
          return build(f, () -> new LabHost(name, namespaces, vlanFiltering));
        });
  }

  private LabNamespace namespace(JsonNode node, String path) {
    return object(
        node,
        path,
        "a namespace",
        NAMESPACE_FIELDS,
        f -> {
          String name = f.requiredString("name");
          List<LabDevice> devices = each(f, "devices", true, this::device);
          List<LabRoute> routes = each(f, "routes", false, this::route);
          List<LabNeighbour> neighbours = each(f, "neighbours", false, this::neighbour);
          List<LabFdbEntry> fdb = each(f, "fdb", false, this::fdbEntry);
          Map<String, String> sysctls = sysctls(f);
          String iptables = f.string("iptables", "");
          return build(
              f,
              () ->
                  new LabNamespace(
                      name, devices, routes, neighbours, fdb, new TreeMap<>(sysctls), iptables));
        });
  }

  private Map<String, String> sysctls(JsonFields f) {
    Map<String, String> values = new TreeMap<>();
    Optional<JsonNode> node = f.optional("sysctls");
    if (node.isEmpty()) {
      return values;
    }
    if (!node.get().isObject()) {
      f.problem(
          "sysctls",
          "expected an object of sysctl keys and values, found " + JsonFields.describe(node.get()));
      return values;
    }
    for (Map.Entry<String, JsonNode> entry : node.get().properties()) {
      JsonNode value = entry.getValue();
      if (value.isString()) {
        values.put(entry.getKey(), value.stringValue());
      } else if (value.isIntegralNumber()) {
        values.put(entry.getKey(), value.asString());
      } else {
        f.problem(
            "sysctls[\"" + entry.getKey() + "\"]",
            "expected the value as a string or an integer, found " + JsonFields.describe(value));
      }
    }
    return values;
  }

  private LabDevice device(JsonNode node, String path) {
    return object(
        node,
        path,
        "a device",
        DEVICE_FIELDS,
        f -> {
          String name = f.requiredString("name");
          LabDeviceKind kind =
              f.parsed(
                  "kind",
                  true,
                  "a device kind (" + LabDeviceKind.words() + ")",
                  LabDeviceKind::fromWord);
          int ifindex = f.requiredInteger("ifindex");
          MacAddress mac = f.parsed("mac", true, MAC_FORM, MacAddress::tryParse);
          int mtu = f.requiredInteger("mtu");
          boolean up = f.requiredBool("up");
          String master = f.string("master", null);
          LabPeer peer = f.optional("peer").map(n -> peer(n, f.path("peer"))).orElse(null);
          LabBridge bridge =
              f.optional("bridge").map(n -> bridge(n, f.path("bridge"))).orElse(null);
          LabPort port = f.optional("port").map(n -> port(n, f.path("port"))).orElse(null);
          String underlay = f.string("underlay", null);
          LabVxlan vxlan = f.optional("vxlan").map(n -> vxlan(n, f.path("vxlan"))).orElse(null);
          LabStacked stacked =
              f.optional("stacked").map(n -> stacked(n, f.path("stacked"))).orElse(null);
          LabTun tun = f.optional("tun").map(n -> tun(n, f.path("tun"))).orElse(null);
          List<LabAddress> addresses =
              each(f, "addresses", false, (n, p) -> address(n, p, name == null ? "" : name));
          return build(
              f,
              () ->
                  new LabDevice(
                      name, kind, ifindex, mac, mtu, up, master, peer, bridge, port, underlay,
                      vxlan, tun, addresses, stacked));
        });
  }

  private LabStacked stacked(JsonNode node, String path) {
    return object(
        node,
        path,
        "a stacked device's lower",
        STACKED_FIELDS,
        f -> {
          LabPeer lower = f.optional("lower").map(n -> peer(n, f.path("lower"))).orElse(null);
          String mode = f.string("mode", null);
          Integer vlanId = f.optional("vlanId").isPresent() ? f.requiredInteger("vlanId") : null;
          String flag = f.string("flag", null);
          return build(f, () -> new LabStacked(lower, mode, vlanId, flag));
        });
  }

  private LabPeer peer(JsonNode node, String path) {
    return object(
        node,
        path,
        "a veth peer",
        PEER_FIELDS,
        f -> {
          String netns = f.requiredString("netns");
          String device = f.requiredString("device");
          return build(f, () -> new LabPeer(netns, device));
        });
  }

  private LabBridge bridge(JsonNode node, String path) {
    return object(
        node,
        path,
        "bridge settings",
        BRIDGE_FIELDS,
        f -> {
          LabBridge fresh = LabBridge.DEFAULTS;
          int ageing = f.integer("ageingTime", fresh.ageingTime());
          boolean stp = f.bool("stp", fresh.stp());
          boolean nf = f.bool("nfCallIptables", fresh.nfCallIptables());
          boolean vlanFiltering = f.bool("vlanFiltering", fresh.vlanFiltering());
          int defaultPvid = f.integer("defaultPvid", fresh.defaultPvid());
          List<LabVlan> vlans = each(f, "vlans", false, this::vlan);
          return build(f, () -> new LabBridge(ageing, stp, nf, vlanFiltering, defaultPvid, vlans));
        });
  }

  private LabVxlan vxlan(JsonNode node, String path) {
    return object(
        node,
        path,
        "VXLAN settings",
        VXLAN_FIELDS,
        f -> {
          int vni = f.requiredInteger("vni");
          int dstPort = f.integer("dstPort", 8472);
          Ipv4Address local = f.parsed("local", false, ADDRESS_FORM, Ipv4Address::tryParse);
          Ipv4Address remote = f.parsed("remote", false, ADDRESS_FORM, Ipv4Address::tryParse);
          Ipv4Address group = f.parsed("group", false, ADDRESS_FORM, Ipv4Address::tryParse);
          String dev = f.string("dev", null);
          boolean learning = f.bool("learning", true);
          boolean proxy = f.bool("proxy", false);
          boolean l2miss = f.bool("l2miss", false);
          boolean l3miss = f.bool("l3miss", false);
          int ttl = f.integer("ttl", 0);
          int low = f.integer("srcPortLow", 0);
          int high = f.integer("srcPortHigh", 0);
          int ageing = f.integer("ageing", 300);
          return build(
              f,
              () ->
                  new LabVxlan(
                      vni, dstPort, local, remote, group, dev, learning, proxy, l2miss, l3miss, ttl,
                      low, high, ageing));
        });
  }

  private LabTun tun(JsonNode node, String path) {
    return object(
        node,
        path,
        "TUN/TAP settings",
        TUN_FIELDS,
        f -> {
          String mode = f.requiredString("mode");
          int user = f.integer("user", -1);
          int group = f.integer("group", -1);
          boolean pi = f.bool("pi", false);
          boolean vnetHdr = f.bool("vnetHdr", false);
          boolean multiQueue = f.bool("multiQueue", false);
          boolean oneQueue = f.bool("oneQueue", false);
          return build(f, () -> new LabTun(mode, user, group, pi, vnetHdr, multiQueue, oneQueue));
        });
  }

  private LabPort port(JsonNode node, String path) {
    return object(
        node,
        path,
        "bridge port settings",
        PORT_FIELDS,
        f -> {
          LabPort fresh = LabPort.DEFAULTS;
          boolean hairpin = f.bool("hairpin", fresh.hairpin());
          boolean learning = f.bool("learning", fresh.learning());
          boolean flood = f.bool("flood", fresh.flood());
          int cost = f.integer("cost", fresh.cost());
          List<LabVlan> vlans = each(f, "vlans", false, this::vlan);
          return build(f, () -> new LabPort(hairpin, learning, flood, cost, vlans));
        });
  }

  private LabVlan vlan(JsonNode node, String path) {
    return object(
        node,
        path,
        "a VLAN",
        VLAN_FIELDS,
        f -> {
          int vid = f.requiredInteger("vid");
          boolean pvid = f.bool("pvid", false);
          boolean untagged = f.bool("untagged", false);
          return build(f, () -> new LabVlan(vid, pvid, untagged));
        });
  }

  private LabAddress address(JsonNode node, String path, String deviceName) {
    return object(
        node,
        path,
        "an address",
        ADDRESS_FIELDS,
        f -> {
          Ipv4Prefix prefix = f.parsed("prefix", true, PREFIX_FORM, Ipv4Prefix::tryParse);
          Ipv4Address broadcast = f.parsed("broadcast", false, ADDRESS_FORM, Ipv4Address::tryParse);
          AddressScope scope = scope(f, AddressScope.GLOBAL);
          String label = f.string("label", deviceName);
          int metric = f.integer("metric", 0);
          return build(f, () -> new LabAddress(prefix, broadcast, scope, label, metric));
        });
  }

  private static AddressScope scope(JsonFields f, AddressScope fallback) {
    AddressScope scope =
        f.parsed(
            "scope",
            false,
            "a scope (global, link, host, nowhere)",
            word ->
                Arrays.stream(AddressScope.values())
                    .filter(s -> s.word().equals(word))
                    .findFirst());
    return scope == null ? fallback : scope;
  }

  private LabRoute route(JsonNode node, String path) {
    return object(
        node,
        path,
        "a route",
        ROUTE_FIELDS,
        f -> {
          RouteType parsedType =
              f.parsed(
                  "type",
                  false,
                  "a route type (unicast, local, broadcast, blackhole, unreachable, prohibit, throw)",
                  word ->
                      Arrays.stream(RouteType.values())
                          .filter(t -> t.word().equals(word))
                          .findFirst());
          RouteType type = parsedType == null ? RouteType.UNICAST : parsedType;
          Ipv4Prefix dst =
              f.parsed(
                  "dst",
                  true,
                  "\"default\" or a network like 10.0.0.0/24",
                  text ->
                      text.equals("default")
                          ? Optional.of(Ipv4Prefix.DEFAULT)
                          : Ipv4Prefix.tryParse(text));
          Ipv4Address via = f.parsed("via", false, ADDRESS_FORM, Ipv4Address::tryParse);
          String dev = f.string("dev", null);
          int table = table(f, LabRoute.defaultTable(type));
          RouteProtocol parsedProto =
              f.parsed(
                  "proto",
                  false,
                  "a route protocol (boot, static, dhcp)",
                  word ->
                      Arrays.stream(RouteProtocol.values())
                          .filter(p -> p.word().equals(word))
                          .findFirst());
          RouteProtocol proto = parsedProto == null ? RouteProtocol.BOOT : parsedProto;
          AddressScope scope = scope(f, LabRoute.defaultScope(type, via));
          Ipv4Address src = f.parsed("src", false, ADDRESS_FORM, Ipv4Address::tryParse);
          int metric = f.integer("metric", 0);
          boolean onlink = f.bool("onlink", false);
          return build(
              f, () -> new LabRoute(table, type, dst, via, dev, src, metric, scope, proto, onlink));
        });
  }

  private static int table(JsonFields f, int fallback) {
    Optional<JsonNode> node = f.optional("table");
    if (node.isEmpty()) {
      return fallback;
    }
    JsonNode value = node.get();
    if (value.isString()) {
      return switch (value.stringValue()) {
        case "main" -> Route.TABLE_MAIN;
        case "local" -> Route.TABLE_LOCAL;
        case "default" -> Route.TABLE_DEFAULT;
        default -> {
          f.problem(
              "table",
              "\"" + value.stringValue() + "\" is not a table (main, local, default or a number)");
          yield fallback;
        }
      };
    }
    return f.integer("table", fallback);
  }

  private LabNeighbour neighbour(JsonNode node, String path) {
    return object(
        node,
        path,
        "a neighbour entry",
        NEIGHBOUR_FIELDS,
        f -> {
          LabNeighbour.Kind kind =
              f.parsed(
                  "kind",
                  true,
                  "a neighbour kind (permanent, noarp, proxy); learned entries are not kept",
                  LabNeighbour.Kind::fromWord);
          Ipv4Address address = f.parsed("address", true, ADDRESS_FORM, Ipv4Address::tryParse);
          String dev = f.requiredString("dev");
          MacAddress lladdr = f.parsed("lladdr", false, MAC_FORM, MacAddress::tryParse);
          boolean router = f.bool("router", false);
          return build(f, () -> new LabNeighbour(kind, address, dev, lladdr, router));
        });
  }

  private LabFdbEntry fdbEntry(JsonNode node, String path) {
    return object(
        node,
        path,
        "an FDB entry",
        FDB_FIELDS,
        f -> {
          MacAddress mac = f.parsed("mac", true, MAC_FORM, MacAddress::tryParse);
          String dev = f.requiredString("dev");
          Ipv4Address dst = f.parsed("dst", false, ADDRESS_FORM, Ipv4Address::tryParse);
          int vlan = f.integer("vlan", 0);
          return build(f, () -> new LabFdbEntry(mac, dev, dst, vlan));
        });
  }

  private LabPosition position(JsonNode node, String path) {
    return object(
        node,
        path,
        "a layout position",
        POSITION_FIELDS,
        f -> {
          String host = f.requiredString("host");
          String netns = f.requiredString("netns");
          double x = f.number("x");
          double y = f.number("y");
          return build(f, () -> new LabPosition(host, netns, x, y));
        });
  }

  private LabProbe probe(JsonNode node, String path) {
    return object(
        node,
        path,
        "a probe",
        PROBE_FIELDS,
        f -> {
          String host = f.requiredString("host");
          String netns = f.requiredString("netns");
          Ipv4Address ping = f.parsed("ping", false, ADDRESS_FORM, Ipv4Address::tryParse);
          String run = f.string("run", null);
          return build(f, () -> new LabProbe(host, netns, ping, run));
        });
  }
}
