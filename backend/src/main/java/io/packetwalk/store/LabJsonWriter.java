package io.packetwalk.store;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.lab.LabAddress;
import io.packetwalk.lab.LabBridge;
import io.packetwalk.lab.LabDevice;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabFdbEntry;
import io.packetwalk.lab.LabHost;
import io.packetwalk.lab.LabNamespace;
import io.packetwalk.lab.LabNeighbour;
import io.packetwalk.lab.LabPosition;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabRoute;
import io.packetwalk.lab.LabTun;
import io.packetwalk.lab.LabVlan;
import io.packetwalk.lab.LabVxlan;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a document as JSON in one canonical form: fields in a fixed order, and optional fields
 * left out when they hold their default (so the text stays short and diffs stay small).
 */
final class LabJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LabJsonWriter() {}

  static ObjectNode write(LabDocument doc) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", doc.schemaVersion());
    root.put("name", doc.name());
    if (!doc.description().isEmpty()) {
      root.put("description", doc.description());
    }
    ArrayNode hosts = root.putArray("hosts");
    doc.hosts().forEach(h -> hosts.add(host(h)));
    if (!doc.underlay().isEmpty()) {
      ArrayNode underlay = root.putArray("underlay");
      doc.underlay().forEach(underlay::add);
    }
    if (!doc.layout().isEmpty()) {
      ArrayNode layout = root.putArray("layout");
      doc.layout().forEach(p -> layout.add(position(p)));
    }
    if (!doc.notes().isEmpty()) {
      root.put("notes", doc.notes());
    }
    if (!doc.probes().isEmpty()) {
      ArrayNode probes = root.putArray("probes");
      doc.probes().forEach(p -> probes.add(probe(p)));
    }
    return root;
  }

  /** A "vlans" array, left out when there are none. */
  private static void vlans(ObjectNode node, List<LabVlan> vlans) {
    if (vlans.isEmpty()) {
      return;
    }
    ArrayNode array = node.putArray("vlans");
    for (LabVlan vlan : vlans) {
      ObjectNode v = array.addObject();
      v.put("vid", vlan.vid());
      if (vlan.pvid()) {
        v.put("pvid", true);
      }
      if (vlan.untagged()) {
        v.put("untagged", true);
      }
    }
  }

  private static ObjectNode host(LabHost host) {
    ObjectNode node = NODES.objectNode();
    node.put("name", host.name());
    ArrayNode namespaces = node.putArray("namespaces");
    host.namespaces().forEach(ns -> namespaces.add(namespace(ns)));
    if (host.bridgeVlanFiltering()) {
      node.put("bridgeVlanFiltering", true);
    }
    return node;
  }

  private static ObjectNode namespace(LabNamespace ns) {
    ObjectNode node = NODES.objectNode();
    node.put("name", ns.name());
    ArrayNode devices = node.putArray("devices");
    ns.devices().forEach(d -> devices.add(device(d)));
    if (!ns.routes().isEmpty()) {
      ArrayNode routes = node.putArray("routes");
      ns.routes().forEach(r -> routes.add(route(r)));
    }
    if (!ns.neighbours().isEmpty()) {
      ArrayNode neighbours = node.putArray("neighbours");
      ns.neighbours().forEach(n -> neighbours.add(neighbour(n)));
    }
    if (!ns.fdb().isEmpty()) {
      ArrayNode fdb = node.putArray("fdb");
      ns.fdb().forEach(e -> fdb.add(fdbEntry(e)));
    }
    if (!ns.sysctls().isEmpty()) {
      ObjectNode sysctls = node.putObject("sysctls");
      ns.sysctls().forEach(sysctls::put);
    }
    if (!ns.iptables().isEmpty()) {
      node.put("iptables", ns.iptables());
    }
    return node;
  }

  private static ObjectNode device(LabDevice dev) {
    ObjectNode node = NODES.objectNode();
    node.put("name", dev.name());
    node.put("kind", dev.kind().word());
    node.put("ifindex", dev.ifindex());
    node.put("mac", dev.mac().toString());
    node.put("mtu", dev.mtu());
    node.put("up", dev.up());
    if (dev.master() != null) {
      node.put("master", dev.master());
    }
    if (dev.peer() != null) {
      ObjectNode peer = node.putObject("peer");
      peer.put("netns", dev.peer().netns());
      peer.put("device", dev.peer().device());
    }
    if (dev.bridge() != null) {
      ObjectNode bridge = node.putObject("bridge");
      bridge.put("ageingTime", dev.bridge().ageingTime());
      bridge.put("stp", dev.bridge().stp());
      bridge.put("nfCallIptables", dev.bridge().nfCallIptables());
      if (dev.bridge().vlanFiltering()) {
        bridge.put("vlanFiltering", true);
      }
      if (dev.bridge().defaultPvid() != LabBridge.DEFAULTS.defaultPvid()) {
        bridge.put("defaultPvid", dev.bridge().defaultPvid());
      }
      vlans(bridge, dev.bridge().vlans());
    }
    if (dev.port() != null) {
      ObjectNode port = node.putObject("port");
      port.put("hairpin", dev.port().hairpin());
      port.put("learning", dev.port().learning());
      port.put("flood", dev.port().flood());
      port.put("cost", dev.port().cost());
      vlans(port, dev.port().vlans());
    }
    if (dev.underlay() != null) {
      node.put("underlay", dev.underlay());
    }
    if (dev.stacked() != null) {
      ObjectNode stacked = node.putObject("stacked");
      ObjectNode lower = stacked.putObject("lower");
      lower.put("netns", dev.stacked().lower().netns());
      lower.put("device", dev.stacked().lower().device());
      if (dev.stacked().mode() != null) {
        stacked.put("mode", dev.stacked().mode());
      }
      if (dev.stacked().vlanId() != null) {
        stacked.put("vlanId", dev.stacked().vlanId());
      }
      if (dev.stacked().flag() != null) {
        stacked.put("flag", dev.stacked().flag());
      }
    }
    if (dev.vxlan() != null) {
      node.set("vxlan", vxlan(dev.vxlan()));
    }
    if (dev.tun() != null) {
      node.set("tun", tun(dev.tun()));
    }
    if (!dev.addresses().isEmpty()) {
      ArrayNode addresses = node.putArray("addresses");
      dev.addresses().forEach(a -> addresses.add(address(dev, a)));
    }
    return node;
  }

  private static ObjectNode address(LabDevice dev, LabAddress address) {
    ObjectNode node = NODES.objectNode();
    node.put("prefix", address.prefix().toString());
    if (address.broadcast() != null) {
      node.put("broadcast", address.broadcast().toString());
    }
    if (address.scope() != AddressScope.GLOBAL) {
      node.put("scope", address.scope().word());
    }
    if (!address.label().equals(dev.name())) {
      node.put("label", address.label());
    }
    if (address.metric() != 0) {
      node.put("metric", address.metric());
    }
    return node;
  }

  private static ObjectNode route(LabRoute route) {
    ObjectNode node = NODES.objectNode();
    if (route.type() != RouteType.UNICAST) {
      node.put("type", route.type().word());
    }
    node.put("dst", route.destination().length() == 0 ? "default" : route.destination().toString());
    if (route.gateway() != null) {
      node.put("via", route.gateway().toString());
    }
    if (route.device() != null) {
      node.put("dev", route.device());
    }
    if (route.table() != LabRoute.defaultTable(route.type())) {
      switch (route.table()) {
        case Route.TABLE_MAIN -> node.put("table", "main");
        case Route.TABLE_LOCAL -> node.put("table", "local");
        case Route.TABLE_DEFAULT -> node.put("table", "default");
        default -> node.put("table", route.table());
      }
    }
    if (route.protocol() != RouteProtocol.BOOT) {
      node.put("proto", route.protocol().word());
    }
    if (route.scope() != LabRoute.defaultScope(route.type(), route.gateway())) {
      node.put("scope", route.scope().word());
    }
    if (route.source() != null) {
      node.put("src", route.source().toString());
    }
    if (route.metric() != 0) {
      node.put("metric", route.metric());
    }
    if (route.onlink()) {
      node.put("onlink", true);
    }
    return node;
  }

  private static ObjectNode neighbour(LabNeighbour entry) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", entry.kind().word());
    node.put("address", entry.address().toString());
    node.put("dev", entry.device());
    if (entry.lladdr() != null) {
      node.put("lladdr", entry.lladdr().toString());
    }
    if (entry.router()) {
      node.put("router", true);
    }
    return node;
  }

  private static ObjectNode fdbEntry(LabFdbEntry entry) {
    ObjectNode node = NODES.objectNode();
    node.put("mac", entry.mac().toString());
    node.put("dev", entry.device());
    if (entry.dst() != null) {
      node.put("dst", entry.dst().toString());
    }
    if (entry.vlan() != 0) {
      node.put("vlan", entry.vlan());
    }
    return node;
  }

  private static ObjectNode tun(LabTun tun) {
    ObjectNode node = NODES.objectNode();
    node.put("mode", tun.mode());
    if (tun.user() >= 0) {
      node.put("user", tun.user());
    }
    if (tun.group() >= 0) {
      node.put("group", tun.group());
    }
    if (tun.pi()) {
      node.put("pi", true);
    }
    if (tun.vnetHdr()) {
      node.put("vnetHdr", true);
    }
    if (tun.multiQueue()) {
      node.put("multiQueue", true);
    }
    if (tun.oneQueue()) {
      node.put("oneQueue", true);
    }
    return node;
  }

  private static ObjectNode vxlan(LabVxlan vxlan) {
    ObjectNode node = NODES.objectNode();
    node.put("vni", vxlan.vni());
    node.put("dstPort", vxlan.dstPort());
    if (vxlan.local() != null) {
      node.put("local", vxlan.local().toString());
    }
    if (vxlan.remote() != null) {
      node.put("remote", vxlan.remote().toString());
    }
    if (vxlan.group() != null) {
      node.put("group", vxlan.group().toString());
    }
    if (vxlan.dev() != null) {
      node.put("dev", vxlan.dev());
    }
    node.put("learning", vxlan.learning());
    if (vxlan.proxy()) {
      node.put("proxy", true);
    }
    if (vxlan.l2miss()) {
      node.put("l2miss", true);
    }
    if (vxlan.l3miss()) {
      node.put("l3miss", true);
    }
    if (vxlan.ttl() != 0) {
      node.put("ttl", vxlan.ttl());
    }
    if (vxlan.srcPortLow() != 0 || vxlan.srcPortHigh() != 0) {
      node.put("srcPortLow", vxlan.srcPortLow());
      node.put("srcPortHigh", vxlan.srcPortHigh());
    }
    if (vxlan.ageing() != 300) {
      node.put("ageing", vxlan.ageing());
    }
    return node;
  }

  private static ObjectNode position(LabPosition position) {
    ObjectNode node = NODES.objectNode();
    node.put("host", position.host());
    node.put("netns", position.netns());
    node.put("x", position.x());
    node.put("y", position.y());
    return node;
  }

  private static ObjectNode probe(LabProbe probe) {
    ObjectNode node = NODES.objectNode();
    node.put("host", probe.host());
    node.put("netns", probe.netns());
    if (probe.ping() != null) {
      node.put("ping", probe.ping().toString());
    } else {
      node.put("run", probe.run());
    }
    return node;
  }
}
