package io.packetwalk.lab;

import java.util.List;

/**
 * A lab: what the world holds (hosts, namespaces, devices, addresses, routes, static neighbours and
 * FDB entries, changed sysctls, underlay switches) plus what only the canvas needs (positions) and
 * the author's notes (markdown). Resolved into a world only by {@link LabBuilder}.
 *
 * @param underlay the names of the underlay switches that join hosts' physical NICs
 * @param layout canvas positions of namespaces, possibly none
 * @param notes markdown text, possibly empty
 * @param probes the probes saved with the lab, in the order they were made, possibly none
 */
public record LabDocument(
    int schemaVersion,
    String name,
    String description,
    List<LabHost> hosts,
    List<String> underlay,
    List<LabPosition> layout,
    String notes,
    List<LabProbe> probes) {

  /** The version this code writes; older documents are migrated to it when read. */
  public static final int SCHEMA_VERSION = 1;

  /** The longest lab name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  public LabDocument {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new LabValueException(
          "schemaVersion",
          "a lab document in memory is always version "
              + SCHEMA_VERSION
              + " (older versions are migrated when read), not "
              + schemaVersion);
    }
    checkName(name);
    description = description == null ? "" : description;
    hosts = Names.list("hosts", hosts);
    if (hosts.isEmpty()) {
      throw new LabValueException("hosts", "a lab needs at least one host");
    }
    underlay = Names.list("underlay", underlay);
    for (String sw : underlay) {
      Names.checkHost("underlay", sw);
    }
    layout = Names.list("layout", layout);
    notes = notes == null ? "" : notes;
    probes = Names.list("probes", probes);
    if (probes.size() > LabProbe.MAX_PROBES) {
      throw new LabValueException(
          "probes", "holds " + probes.size() + " probes; the limit is " + LabProbe.MAX_PROBES);
    }
  }

  /** Refuses a lab name that is blank or longer than {@link #MAX_NAME_LENGTH}. */
  public static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new LabValueException("name", "a lab needs a name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new LabValueException(
          "name", "is " + name.length() + " characters long; the limit is " + MAX_NAME_LENGTH);
    }
  }

  /** A lab with this world part and no description, layout, notes or probes. */
  public static LabDocument of(String name, List<LabHost> hosts, List<String> underlay) {
    return new LabDocument(SCHEMA_VERSION, name, "", hosts, underlay, List.of(), "", List.of());
  }

  /** The same lab with the canvas positions {@code newLayout}. */
  public LabDocument withLayout(List<LabPosition> newLayout) {
    return new LabDocument(
        schemaVersion, name, description, hosts, underlay, newLayout, notes, probes);
  }

  /** The same lab with the saved probes {@code newProbes}. */
  public LabDocument withProbes(List<LabProbe> newProbes) {
    return new LabDocument(
        schemaVersion, name, description, hosts, underlay, layout, notes, newProbes);
  }

  /** The same lab (name, description, layout, notes, probes) with another world part. */
  public LabDocument withWorld(List<LabHost> newHosts, List<String> newUnderlay) {
    return new LabDocument(
        schemaVersion, name, description, newHosts, newUnderlay, layout, notes, probes);
  }
}
