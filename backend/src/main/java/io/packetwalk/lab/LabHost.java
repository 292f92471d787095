package io.packetwalk.lab;

import java.util.List;

/** One simulated machine: its root namespace first (named {@code ""}), then the named ones. */
public record LabHost(String name, List<LabNamespace> namespaces) {

  public LabHost {
    Names.checkHost("name", name);
    namespaces = Names.list("namespaces", namespaces);
  }
}
