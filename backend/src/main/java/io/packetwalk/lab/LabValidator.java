package io.packetwalk.lab;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what single records cannot: that names are unique, that every reference (master, veth
 * peer, route and neighbour devices, FDB ports, sysctl devices, layout entries) points at something
 * of the right kind, and that the kernel would accept each item. Reports every problem it finds,
 * each with its path, and builds nothing.
 */
public final class LabValidator {

  private final List<LabProblem> problems = new ArrayList<>();

  private LabValidator() {}

  /** Every problem of {@code document}; empty when it can be built. */
  public static List<LabProblem> validate(LabDocument document) {
    LabValidator validator = new LabValidator();
    validator.document(document);
    return List.copyOf(validator.problems);
  }

  private void report(String path, String message) {
    problems.add(new LabProblem(path, message));
  }

  private void document(LabDocument doc) {
    Set<String> hostNames = new HashSet<>();
    for (int h = 0; h < doc.hosts().size(); h++) {
      LabHost host = doc.hosts().get(h);
      String path = "hosts[" + h + "]";
      if (!hostNames.add(host.name())) {
        report(path + ".name", "host \"" + host.name() + "\" is listed twice");
      }
      host(doc, host, path);
    }
    Set<String> switches = new HashSet<>();
    for (int i = 0; i < doc.underlay().size(); i++) {
      if (!switches.add(doc.underlay().get(i))) {
        report(
            "underlay[" + i + "]",
            "underlay switch \"" + doc.underlay().get(i) + "\" is listed twice");
      }
    }
    Set<String> placed = new HashSet<>();
    for (int i = 0; i < doc.layout().size(); i++) {
      LabPosition position = doc.layout().get(i);
      String path = "layout[" + i + "]";
      namespaceExists(doc, path, position.host(), position.netns());
      if (!placed.add(position.host() + "\0" + position.netns())) {
        report(path, "this namespace already has a position");
      }
    }
    for (int i = 0; i < doc.probes().size(); i++) {
      LabProbe probe = doc.probes().get(i);
      namespaceExists(doc, "probes[" + i + "]", probe.host(), probe.netns());
    }
  }

  /** Reports {@code path.host} or {@code path.netns} unless the lab has that namespace. */
  private void namespaceExists(LabDocument doc, String path, String hostName, String netns) {
    Optional<LabHost> host =
        doc.hosts().stream().filter(x -> x.name().equals(hostName)).findFirst();
    if (host.isEmpty()) {
      report(path + ".host", "no host \"" + hostName + "\" in this lab");
    } else if (host.get().namespaces().stream().noneMatch(ns -> ns.name().equals(netns))) {
      report(path + ".netns", "no netns \"" + netns + "\" on host \"" + hostName + "\"");
    }
  }

  private void host(LabDocument doc, LabHost host, String hostPath) {
    List<LabNamespace> namespaces = host.namespaces();
    if (namespaces.isEmpty() || !namespaces.get(0).isRoot()) {
      report(
          hostPath + ".namespaces",
          "a host's first namespace is its root namespace, named \"\" (it always exists)");
    }
    Map<String, LabNamespace> byName = new HashMap<>();
    for (int n = 0; n < namespaces.size(); n++) {
      LabNamespace ns = namespaces.get(n);
      String path = hostPath + ".namespaces[" + n + "]";
      if (n > 0 && ns.isRoot()) {
        report(path + ".name", "only the first namespace is the root namespace (\"\")");
      } else if (byName.putIfAbsent(ns.name(), ns) != null) {
        report(path + ".name", "netns \"" + ns.name() + "\" is listed twice");
      }
    }
    for (int n = 0; n < namespaces.size(); n++) {
      namespace(doc, byName, namespaces.get(n), hostPath + ".namespaces[" + n + "]");
    }
    if (!host.bridgeVlanFiltering()) {
      noVlans(host, hostPath);
    }
  }

  /** A kernel without bridge VLAN filtering has no VLAN settings to rebuild. */
  private void noVlans(LabHost host, String hostPath) {
    String why =
        "host \""
            + host.name()
            + "\" has a kernel without bridge VLAN filtering (set the host's"
            + " bridgeVlanFiltering to have VLANs on bridges)";
    for (int n = 0; n < host.namespaces().size(); n++) {
      LabNamespace ns = host.namespaces().get(n);
      String path = hostPath + ".namespaces[" + n + "]";
      for (int d = 0; d < ns.devices().size(); d++) {
        LabDevice dev = ns.devices().get(d);
        String devPath = path + ".devices[" + d + "]";
        LabBridge bridge = dev.bridge();
        if (bridge != null
            && (bridge.vlanFiltering()
                || !bridge.vlans().isEmpty()
                || bridge.defaultPvid() != LabBridge.DEFAULTS.defaultPvid())) {
          report(devPath + ".bridge", why);
        }
        if (dev.port() != null && !dev.port().vlans().isEmpty()) {
          report(devPath + ".port.vlans", why);
        }
      }
      for (int i = 0; i < ns.fdb().size(); i++) {
        if (ns.fdb().get(i).vlan() != 0) {
          report(path + ".fdb[" + i + "].vlan", why);
        }
      }
    }
  }

  private void namespace(
      LabDocument doc, Map<String, LabNamespace> namespaces, LabNamespace ns, String path) {
    Map<String, LabDevice> devices = new HashMap<>();
    int previousIfindex = 0;
    for (int d = 0; d < ns.devices().size(); d++) {
      LabDevice dev = ns.devices().get(d);
      String devPath = path + ".devices[" + d + "]";
      if (devices.putIfAbsent(dev.name(), dev) != null) {
        report(
            devPath + ".name",
            "device \"" + dev.name() + "\" is listed twice in " + ns.displayName());
      }
      if (dev.ifindex() <= previousIfindex) {
        report(
            devPath + ".ifindex",
            dev.ifindex() == previousIfindex
                ? "ifindex " + dev.ifindex() + " is used twice in " + ns.displayName()
                : "devices are listed in ifindex order; "
                    + dev.ifindex()
                    + " comes after "
                    + previousIfindex);
      }
      previousIfindex = Math.max(previousIfindex, dev.ifindex());
    }
    long loopbacks = ns.devices().stream().filter(x -> x.kind() == LabDeviceKind.LOOPBACK).count();
    if (loopbacks != 1
        || ns.devices().isEmpty()
        || ns.devices().get(0).kind() != LabDeviceKind.LOOPBACK) {
      report(
          path + ".devices",
          "every namespace has exactly one loopback device, first, with ifindex 1 (found "
              + loopbacks
              + ")");
    }
    for (int d = 0; d < ns.devices().size(); d++) {
      device(doc, namespaces, ns, devices, ns.devices().get(d), path + ".devices[" + d + "]");
    }
    routes(ns, devices, path);
    neighbours(ns, devices, path);
    fdb(ns, devices, path);
    sysctls(ns, devices, path);
  }

  private void device(
      LabDocument doc,
      Map<String, LabNamespace> namespaces,
      LabNamespace ns,
      Map<String, LabDevice> devices,
      LabDevice dev,
      String path) {
    if (dev.master() != null) {
      LabDevice master = devices.get(dev.master());
      if (master == null) {
        report(path + ".master", "no bridge \"" + dev.master() + "\" in " + ns.displayName());
      } else if (master.kind() != LabDeviceKind.BRIDGE) {
        report(
            path + ".master",
            "\""
                + dev.master()
                + "\" in "
                + ns.displayName()
                + " is a "
                + master.kind().word()
                + ", not a bridge");
      }
    }
    if (dev.peer() != null) {
      peer(namespaces, ns, dev, path + ".peer");
    }
    if (dev.stacked() != null) {
      lower(namespaces, dev.kind(), dev.stacked().lower(), path + ".stacked.lower");
    }
    if (dev.vxlan() != null && dev.vxlan().dev() != null) {
      LabDevice lower = devices.get(dev.vxlan().dev());
      if (lower == null) {
        report(
            path + ".vxlan.dev", "no device \"" + dev.vxlan().dev() + "\" in " + ns.displayName());
      } else if (lower.ifindex() > dev.ifindex()) {
        report(
            path + ".vxlan.dev",
            "the underlay device \""
                + lower.name()
                + "\" must exist before the VXLAN device (a lower ifindex)");
      }
    }
    if (dev.underlay() != null && !doc.underlay().contains(dev.underlay())) {
      report(
          path + ".underlay",
          "no underlay switch \"" + dev.underlay() + "\" in this lab's underlay list");
    }
    Set<String> seen = new HashSet<>();
    for (int a = 0; a < dev.addresses().size(); a++) {
      LabAddress address = dev.addresses().get(a);
      String addressPath = path + ".addresses[" + a + "]";
      if (!seen.add(address.prefix().toString())) {
        report(
            addressPath + ".prefix",
            address.prefix()
                + " is on \""
                + dev.name()
                + "\" twice (the kernel refuses it: File"
                + " exists)");
      }
      if (!address.label().equals(dev.name()) && !address.label().startsWith(dev.name() + ":")) {
        report(
            addressPath + ".label",
            "label \""
                + address.label()
                + "\" must be the device name or start with \""
                + dev.name()
                + ":\"");
      }
    }
  }

  /** A stacked device's lower device: on this host, and one that can carry it. */
  private void lower(
      Map<String, LabNamespace> namespaces, LabDeviceKind kind, LabPeer lower, String path) {
    LabNamespace lowerNs = namespaces.get(lower.netns());
    if (lowerNs == null) {
      report(path + ".netns", "no netns \"" + lower.netns() + "\" on this host");
      return;
    }
    Optional<LabDevice> found =
        lowerNs.devices().stream().filter(x -> x.name().equals(lower.device())).findFirst();
    if (found.isEmpty()) {
      report(path + ".device", "no device \"" + lower.device() + "\" in " + lowerNs.displayName());
    } else if (found.get().kind() == LabDeviceKind.LOOPBACK
        || (found.get().kind() == kind && kind != LabDeviceKind.VLAN)) {
      report(
          path + ".device",
          "\""
              + lower.device()
              + "\" in "
              + lowerNs.displayName()
              + " is a "
              + found.get().kind().word()
              + ", which cannot carry a stacked device");
    } else if (found.get().master() != null && kind != LabDeviceKind.VLAN) {
      report(
          path + ".device",
          "\""
              + lower.device()
              + "\" is a bridge port: its frames belong to the bridge, so it cannot carry a"
              + " stacked device (the kernel says: Device or resource busy)");
    }
  }

  private void peer(
      Map<String, LabNamespace> namespaces, LabNamespace ns, LabDevice dev, String path) {
    LabPeer peer = dev.peer();
    LabNamespace peerNs = namespaces.get(peer.netns());
    if (peerNs == null) {
      report(path + ".netns", "no netns \"" + peer.netns() + "\" on this host");
      return;
    }
    Optional<LabDevice> other =
        peerNs.devices().stream().filter(x -> x.name().equals(peer.device())).findFirst();
    if (other.isEmpty()) {
      report(path + ".device", "no device \"" + peer.device() + "\" in " + peerNs.displayName());
    } else if (other.get().kind() != LabDeviceKind.VETH) {
      report(
          path + ".device",
          "\""
              + peer.device()
              + "\" in "
              + peerNs.displayName()
              + " is a "
              + other.get().kind().word()
              + ", not a veth");
    } else if (peerNs == ns && other.get() == dev) {
      report(path + ".device", "a veth cannot be its own peer");
    } else if (!other.get().peer().equals(new LabPeer(ns.name(), dev.name()))) {
      report(
          path,
          "\""
              + peer.device()
              + "\" in "
              + peerNs.displayName()
              + " names \""
              + other.get().peer().device()
              + "\" as its peer, not \""
              + dev.name()
              + "\"");
    }
  }

  private void routes(LabNamespace ns, Map<String, LabDevice> devices, String path) {
    Set<LabRoute> seen = new HashSet<>();
    for (int r = 0; r < ns.routes().size(); r++) {
      LabRoute route = ns.routes().get(r);
      String routePath = path + ".routes[" + r + "]";
      if (!seen.add(route)) {
        report(routePath, "this route is listed twice (the kernel refuses it: File exists)");
      }
      LabDevice dev = null;
      if (route.device() != null) {
        dev = devices.get(route.device());
        if (dev == null) {
          report(routePath + ".dev", "no device \"" + route.device() + "\" in " + ns.displayName());
          continue;
        }
        if (route.type() == RouteType.UNICAST && !dev.up()) {
          report(
              routePath + ".dev",
              "\""
                  + dev.name()
                  + "\" is down; the kernel keeps no unicast route through a down"
                  + " device (Network is down)");
        }
      }
      if (route.source() != null && !isLocal(ns, route.source())) {
        report(
            routePath + ".src",
            route.source()
                + " is not an address of "
                + ns.displayName()
                + " (the kernel refuses it: Invalid prefsrc address)");
      }
      if (route.type() == RouteType.UNICAST
          && route.gateway() != null
          && !route.onlink()
          && !reachable(ns, route.gateway(), dev)) {
        report(
            routePath + ".via",
            route.gateway()
                + " is not on a subnet of "
                + (dev == null ? "any up device" : "\"" + dev.name() + "\"")
                + " in "
                + ns.displayName()
                + " (the kernel refuses it: Nexthop has invalid gateway)");
      }
    }
  }

  private static boolean isLocal(LabNamespace ns, Ipv4Address address) {
    return ns.devices().stream()
        .flatMap(d -> d.addresses().stream())
        .anyMatch(a -> a.prefix().address().equals(address));
  }

  /** Whether a gateway is on-link: in a connected subnet or a link-scope route of an up device. */
  private static boolean reachable(LabNamespace ns, Ipv4Address gateway, LabDevice via) {
    for (LabDevice dev : ns.devices()) {
      if (!dev.up() || (via != null && dev != via)) {
        continue;
      }
      for (LabAddress address : dev.addresses()) {
        if (address.prefix().contains(gateway)) {
          return true;
        }
      }
      for (LabRoute route : ns.routes()) {
        if (dev.name().equals(route.device())
            && route.gateway() == null
            && route.scope() == AddressScope.LINK
            && route.destination().contains(gateway)) {
          return true;
        }
      }
    }
    return false;
  }

  private void neighbours(LabNamespace ns, Map<String, LabDevice> devices, String path) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ns.neighbours().size(); i++) {
      LabNeighbour entry = ns.neighbours().get(i);
      String entryPath = path + ".neighbours[" + i + "]";
      if (!devices.containsKey(entry.device())) {
        report(entryPath + ".dev", "no device \"" + entry.device() + "\" in " + ns.displayName());
      }
      String key =
          (entry.kind() == LabNeighbour.Kind.PROXY ? "proxy " : "")
              + entry.address()
              + " dev "
              + entry.device();
      if (!seen.add(key)) {
        report(entryPath, "an entry for " + key + " is listed twice");
      }
    }
  }

  private void fdb(LabNamespace ns, Map<String, LabDevice> devices, String path) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ns.fdb().size(); i++) {
      LabFdbEntry entry = ns.fdb().get(i);
      String entryPath = path + ".fdb[" + i + "]";
      LabDevice port = devices.get(entry.device());
      if (port == null) {
        report(entryPath + ".dev", "no device \"" + entry.device() + "\" in " + ns.displayName());
        continue;
      }
      if (entry.dst() != null) {
        if (port.kind() != LabDeviceKind.VXLAN) {
          report(
              entryPath + ".dst",
              "\"" + entry.device() + "\" is not a VXLAN device; only VXLAN entries have a dst");
        } else if (!seen.add(entry.device() + " " + entry.mac() + " " + entry.dst())) {
          report(entryPath + ".dst", "this VXLAN entry is listed twice");
        }
        continue;
      }
      if (port.master() == null) {
        report(
            entryPath + ".dev",
            "\"" + entry.device() + "\" is not a bridge port; static FDB entries point at ports");
        continue;
      }
      if (!seen.add(port.master() + " " + entry.mac() + " " + entry.vlan())) {
        report(
            entryPath + ".mac",
            "bridge \""
                + port.master()
                + "\" already has an entry for "
                + entry.mac()
                + (entry.vlan() == 0 ? "" : " in VLAN " + entry.vlan()));
      }
      int vid = entry.vlan();
      if (vid != 0
          && port.port() != null
          && port.port().vlans().stream().noneMatch(v -> v.vid() == vid)) {
        report(
            entryPath + ".vlan", "port \"" + entry.device() + "\" is not a member of VLAN " + vid);
      }
    }
  }

  private void sysctls(LabNamespace ns, Map<String, LabDevice> devices, String path) {
    for (Map.Entry<String, String> entry : ns.sysctls().entrySet()) {
      String key = entry.getKey();
      String keyPath = path + ".sysctls[\"" + key + "\"]";
      Optional<String> device = FreshSysctls.deviceOf(key);
      if (device.isPresent()) {
        if (!devices.containsKey(device.get())) {
          report(
              keyPath,
              "no device \"" + device.get() + "\" in " + ns.displayName() + " for this setting");
        }
      } else if (!FreshSysctls.isNamespaceWide(key)) {
        report(keyPath, "Packetwalk does not know the sysctl " + key);
      }
      if (!entry.getValue().matches("-?\\d{1,18}")) {
        report(keyPath, "\"" + entry.getValue() + "\" is not an integer");
      }
    }
  }
}
