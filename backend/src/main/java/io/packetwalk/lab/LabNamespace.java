package io.packetwalk.lab;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One network namespace of a host ({@code name} is {@code ""} for the host's root namespace): its
 * devices in ifindex order, the routes, neighbour and FDB entries someone added, and the sysctls
 * whose values differ from a fresh namespace's.
 */
public record LabNamespace(
    String name,
    List<LabDevice> devices,
    List<LabRoute> routes,
    List<LabNeighbour> neighbours,
    List<LabFdbEntry> fdb,
    SortedMap<String, String> sysctls) {

  public LabNamespace {
    Names.checkNetns("name", name);
    devices = Names.list("devices", devices);
    routes = Names.list("routes", routes);
    neighbours = Names.list("neighbours", neighbours);
    fdb = Names.list("fdb", fdb);
    if (sysctls == null) {
      throw new LabValueException("sysctls", "is required (use {} for none)");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    sysctls.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new LabValueException("sysctls", "keys and values must not be null");
      }
      copy.put(key, value);
    });
    sysctls = Collections.unmodifiableSortedMap(copy);
  }

  public boolean isRoot() {
    return name.isEmpty();
  }

  /** The name a learner reads: the netns name, or "the root namespace". */
  public String displayName() {
    return isRoot() ? "the root namespace" : "netns \"" + name + "\"";
  }
}
