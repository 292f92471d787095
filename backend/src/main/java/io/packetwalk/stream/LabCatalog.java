package io.packetwalk.stream;

import java.util.List;
import java.util.Optional;

/**
 * The labs shipped with the server, in the order the page lists them; the first is the one a
 * connection that names none gets.
 */
record LabCatalog(List<BuiltInLab> labs) {

  /** The built-in labs, by id ({@code labs/ID.sh}). */
  static final List<String> IDS =
      List.of(
          BuiltInLab.DEFAULT_ID,
          "bridge-two-containers",
          "router-namespace",
          "masquerade",
          "publish-port",
          "br-netfilter",
          "flannel-vxlan",
          "flannel-udp",
          "flannel-host-gw",
          "macvlan");

  LabCatalog {
    labs = List.copyOf(labs);
    if (labs.isEmpty()) {
      throw new IllegalArgumentException("a catalog has at least its default lab");
    }
  }

  /** Loads every lab of {@link #IDS}; fails at startup when one is missing or malformed. */
  static LabCatalog load() {
    return load(IDS);
  }

  static LabCatalog load(List<String> ids) {
    return new LabCatalog(
        ids.stream().map(id -> BuiltInLab.load(BuiltInLab.resource(id))).toList());
  }

  BuiltInLab defaultLab() {
    return labs.getFirst();
  }

  Optional<BuiltInLab> find(String id) {
    return labs.stream().filter(lab -> lab.id().equals(id)).findFirst();
  }
}
