package io.packetwalk.lab;

import java.util.List;

/** One simulated machine: its root namespace first (named {@code ""}), then the named ones. */
public record LabHost(String name, List<LabNamespace> namespaces, boolean bridgeVlanFiltering) {

  public LabHost {
    Names.checkHost("name", name);
    namespaces = Names.list("namespaces", namespaces);
  }

  /** A host whose kernel has no bridge VLAN filtering, as a new host's. */
  public LabHost(String name, List<LabNamespace> namespaces) {
    this(name, namespaces, false);
  }
}
