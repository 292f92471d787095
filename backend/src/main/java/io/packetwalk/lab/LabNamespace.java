package io.packetwalk.lab;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One network namespace of a host ({@code name} is {@code ""} for the host's root namespace): its
 * devices in ifindex order, the routes, neighbour and FDB entries someone added, the sysctls whose
 * values differ from a fresh namespace's, and its iptables tables in iptables-save form ("" for
 * none; counters are not kept).
 */
public record LabNamespace(
    String name,
    List<LabDevice> devices,
    List<LabRoute> routes,
    List<LabNeighbour> neighbours,
    List<LabFdbEntry> fdb,
    SortedMap<String, String> sysctls,
    String iptables) {

  /** The largest iptables text a namespace of a document may hold (bytes of UTF-8). */
  public static final int MAX_IPTABLES_BYTES = 4 << 20;

  public LabNamespace(
      String name,
      List<LabDevice> devices,
      List<LabRoute> routes,
      List<LabNeighbour> neighbours,
      List<LabFdbEntry> fdb,
      SortedMap<String, String> sysctls) {
    this(name, devices, routes, neighbours, fdb, sysctls, "");
  }

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
    if (iptables == null) {
      iptables = "";
    }
    if (iptables.length() > MAX_IPTABLES_BYTES) {
      throw new LabValueException(
          "iptables", "is longer than " + MAX_IPTABLES_BYTES + " characters (4 MiB)");
    }
    if (!iptables.isEmpty() && !iptables.endsWith("COMMIT\n")) {
      throw new LabValueException(
          "iptables", "must be iptables-save text whose last line is COMMIT");
    }
  }

  public boolean isRoot() {
    return name.isEmpty();
  }

  /** The name a learner reads: the netns name, or "the root namespace". */
  public String displayName() {
    return isRoot() ? "the root namespace" : "netns \"" + name + "\"";
  }
}
