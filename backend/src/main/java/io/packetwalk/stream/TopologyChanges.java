package io.packetwalk.stream;

import io.packetwalk.stream.protocol.Protocol.DeviceRef;
import io.packetwalk.stream.protocol.Protocol.DeviceUpsert;
import io.packetwalk.stream.protocol.Protocol.DeviceView;
import io.packetwalk.stream.protocol.Protocol.HostView;
import io.packetwalk.stream.protocol.Protocol.LinkView;
import io.packetwalk.stream.protocol.Protocol.NamespaceAdded;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceView;
import io.packetwalk.stream.protocol.Protocol.SwitchView;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a browser needs to turn one topology into the next: the hosts, namespaces, devices and links
 * that went or came, the devices that changed, and the underlay switches when they changed. {@link
 * #apply} is the browser's rule, written once more here so the server can check every change it
 * sends; when a change cannot say it (a reordering), the change removes everything and adds the new
 * topology whole.
 */
final class TopologyChanges {

  private TopologyChanges() {}

  /** The change from {@code before} to {@code after}; applying it gives {@code after}. */
  static TopologyChange between(TopologyView before, TopologyView after) {
    TopologyChange change = diff(before, after);
    return equivalent(apply(before, change), after) ? change : replaceAll(before, after);
  }

  /** The browser's rule: removals (links, devices, namespaces, hosts), then additions. */
  static TopologyView apply(TopologyView topology, TopologyChange change) {
    Map<String, Map<String, List<DeviceView>>> hosts = new LinkedHashMap<>();
    Map<String, Map<String, Boolean>> roots = new HashMap<>();
    for (HostView host : topology.hosts()) {
      Map<String, List<DeviceView>> namespaces = new LinkedHashMap<>();
      Map<String, Boolean> rootFlags = new HashMap<>();
      for (NamespaceView ns : host.namespaces()) {
        namespaces.put(ns.name(), new ArrayList<>(ns.devices()));
        rootFlags.put(ns.name(), ns.root());
      }
      hosts.put(host.name(), namespaces);
      roots.put(host.name(), rootFlags);
    }
    List<LinkView> links = new ArrayList<>(topology.links());
    change.linksRemoved().forEach(links::remove);
    for (DeviceRef ref : change.devicesRemoved()) {
      List<DeviceView> devices = devicesOf(hosts, ref.host(), ref.netns());
      if (devices != null) {
        devices.removeIf(d -> d.name().equals(ref.device()));
      }
    }
    for (NamespaceRef ref : change.namespacesRemoved()) {
      Map<String, List<DeviceView>> namespaces = hosts.get(ref.host());
      if (namespaces != null) {
        namespaces.remove(ref.netns());
      }
    }
    change.hostsRemoved().forEach(hosts::remove);
    change.hostsAdded().forEach(name -> hosts.putIfAbsent(name, new LinkedHashMap<>()));
    for (NamespaceAdded ns : change.namespacesAdded()) {
      hosts
          .computeIfAbsent(ns.host(), h -> new LinkedHashMap<>())
          .put(ns.netns(), new ArrayList<>());
      roots.computeIfAbsent(ns.host(), h -> new HashMap<>()).put(ns.netns(), ns.root());
    }
    for (DeviceUpsert upsert : change.devicesUpserted()) {
      List<DeviceView> devices = devicesOf(hosts, upsert.host(), upsert.netns());
      if (devices != null) {
        upsert(devices, upsert.device());
      }
    }
    links.addAll(change.linksAdded());
    List<HostView> hostViews = new ArrayList<>();
    hosts.forEach((host, namespaces) -> {
      List<NamespaceView> views = new ArrayList<>();
      namespaces.forEach((name, devices) ->
          views.add(
              new NamespaceView(
                  name, roots.getOrDefault(host, Map.of()).getOrDefault(name, false), devices)));
      hostViews.add(new HostView(host, views));
    });
    return new TopologyView(
        hostViews, links, change.switches() == null ? topology.switches() : change.switches());
  }

  /** Same hosts, namespaces and devices in the same order, and the same links in any order. */
  static boolean equivalent(TopologyView a, TopologyView b) {
    if (!a.hosts().equals(b.hosts())
        || !a.switches().equals(b.switches())
        || a.links().size() != b.links().size()) {
      return false;
    }
    Map<LinkView, Integer> counts = new HashMap<>();
    a.links().forEach(link -> counts.merge(link, 1, Integer::sum));
    for (LinkView link : b.links()) {
      if (counts.merge(link, -1, Integer::sum) < 0) {
        return false;
      }
    }
    return true;
  }

  private static TopologyChange diff(TopologyView before, TopologyView after) {
    Map<String, HostView> oldHosts = byName(before.hosts());
    Map<String, HostView> newHosts = byName(after.hosts());
    List<String> hostsRemoved = new ArrayList<>();
    List<String> hostsAdded = new ArrayList<>();
    List<NamespaceRef> namespacesRemoved = new ArrayList<>();
    List<NamespaceAdded> namespacesAdded = new ArrayList<>();
    List<DeviceRef> devicesRemoved = new ArrayList<>();
    List<DeviceUpsert> devicesUpserted = new ArrayList<>();
    oldHosts.keySet().stream().filter(h -> !newHosts.containsKey(h)).forEach(hostsRemoved::add);
    for (HostView host : after.hosts()) {
      HostView old = oldHosts.get(host.name());
      if (old == null) {
        hostsAdded.add(host.name());
      }
      Map<String, NamespaceView> oldNamespaces =
          old == null ? Map.of() : byNamespaceName(old.namespaces());
      Set<String> newNames = new HashSet<>();
      for (NamespaceView ns : host.namespaces()) {
        newNames.add(ns.name());
        NamespaceView oldNs = oldNamespaces.get(ns.name());
        if (oldNs == null || oldNs.root() != ns.root()) {
          if (oldNs != null) {
            namespacesRemoved.add(new NamespaceRef(host.name(), ns.name()));
          }
          namespacesAdded.add(new NamespaceAdded(host.name(), ns.name(), ns.root()));
          oldNs = null;
        }
        Map<String, DeviceView> oldDevices =
            oldNs == null ? Map.of() : byDeviceName(oldNs.devices());
        Set<String> newDevices = new HashSet<>();
        for (DeviceView device : ns.devices()) {
          newDevices.add(device.name());
          if (!device.equals(oldDevices.get(device.name()))) {
            devicesUpserted.add(new DeviceUpsert(host.name(), ns.name(), device));
          }
        }
        oldDevices.keySet().stream()
            .filter(name -> !newDevices.contains(name))
            .forEach(name -> devicesRemoved.add(new DeviceRef(host.name(), ns.name(), name)));
      }
      if (old != null) {
        old.namespaces().stream()
            .filter(ns -> !newNames.contains(ns.name()))
            .forEach(ns -> namespacesRemoved.add(new NamespaceRef(host.name(), ns.name())));
      }
    }
    Set<LinkView> oldLinks = new HashSet<>(before.links());
    Set<LinkView> newLinks = new HashSet<>(after.links());
    List<LinkView> linksRemoved =
        before.links().stream().filter(link -> !newLinks.contains(link)).toList();
    List<LinkView> linksAdded =
        after.links().stream().filter(link -> !oldLinks.contains(link)).toList();
    return new TopologyChange(
        hostsRemoved,
        hostsAdded,
        namespacesRemoved,
        namespacesAdded,
        devicesRemoved,
        devicesUpserted,
        linksRemoved,
        linksAdded,
        switchesIfChanged(before, after));
  }

  private static List<SwitchView> switchesIfChanged(TopologyView before, TopologyView after) {
    return before.switches().equals(after.switches()) ? null : after.switches();
  }

  private static TopologyChange replaceAll(TopologyView before, TopologyView after) {
    List<NamespaceAdded> namespaces = new ArrayList<>();
    List<DeviceUpsert> devices = new ArrayList<>();
    for (HostView host : after.hosts()) {
      for (NamespaceView ns : host.namespaces()) {
        namespaces.add(new NamespaceAdded(host.name(), ns.name(), ns.root()));
        ns.devices().forEach(d -> devices.add(new DeviceUpsert(host.name(), ns.name(), d)));
      }
    }
    return new TopologyChange(
        before.hosts().stream().map(HostView::name).toList(),
        after.hosts().stream().map(HostView::name).toList(),
        List.of(),
        namespaces,
        List.of(),
        devices,
        before.links(),
        after.links(),
        switchesIfChanged(before, after));
  }

  private static void upsert(List<DeviceView> devices, DeviceView device) {
    for (int i = 0; i < devices.size(); i++) {
      if (devices.get(i).name().equals(device.name())) {
        devices.set(i, device);
        return;
      }
    }
    int at = 0;
    while (at < devices.size() && devices.get(at).ifindex() < device.ifindex()) {
      at++;
    }
    devices.add(at, device);
  }

  private static List<DeviceView> devicesOf(
      Map<String, Map<String, List<DeviceView>>> hosts, String host, String netns) {
    Map<String, List<DeviceView>> namespaces = hosts.get(host);
    return namespaces == null ? null : namespaces.get(netns);
  }

  private static Map<String, HostView> byName(List<HostView> hosts) {
    Map<String, HostView> map = new LinkedHashMap<>();
    hosts.forEach(h -> map.put(h.name(), h));
    return map;
  }

  private static Map<String, NamespaceView> byNamespaceName(List<NamespaceView> namespaces) {
    Map<String, NamespaceView> map = new LinkedHashMap<>();
    namespaces.forEach(ns -> map.put(ns.name(), ns));
    return map;
  }

  private static Map<String, DeviceView> byDeviceName(List<DeviceView> devices) {
    Map<String, DeviceView> map = new LinkedHashMap<>();
    devices.forEach(d -> map.put(d.name(), d));
    return map;
  }
}
