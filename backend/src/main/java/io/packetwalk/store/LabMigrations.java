package io.packetwalk.store;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chain that brings an older document up to {@link LabDocument#SCHEMA_VERSION}, one version at
 * a time, on the JSON tree before it is read. Each step names the change it makes; a step that
 * meets something it cannot translate reports it instead of guessing. Steps are never removed, so
 * every document ever written stays readable.
 */
final class LabMigrations {

  /** One step: a document of version {@link #from()} becomes one of version {@code from() + 1}. */
  interface Step {

    int from();

    /** The change, in a sentence, for the documentation and for messages. */
    String change();

    void apply(ObjectNode root, List<LabProblem> problems);
  }

  /**
   * Version 0 was the draft format of the first prototype. It is the same as version 1 except that
   * a namespace's name was written {@code "netnsName"}; version 1 calls it {@code "name"}, like
   * every other named thing in the document.
   */
  static final class NetnsNameBecomesName implements Step {

    @Override
    public int from() {
      return 0;
    }

    @Override
    public String change() {
      return "a namespace's \"netnsName\" is renamed \"name\"";
    }

    @Override
    public void apply(ObjectNode root, List<LabProblem> problems) {
      JsonNode hosts = root.get("hosts");
      if (hosts == null || !hosts.isArray()) {
        return;
      }
      for (int h = 0; h < hosts.size(); h++) {
        JsonNode namespaces = hosts.get(h).get("namespaces");
        if (namespaces == null || !namespaces.isArray()) {
          continue;
        }
        for (int n = 0; n < namespaces.size(); n++) {
          if (namespaces.get(n) instanceof ObjectNode ns && ns.has("netnsName")) {
            String path = "hosts[" + h + "].namespaces[" + n + "]";
            if (ns.has("name")) {
              problems.add(
                  new LabProblem(
                      path + ".netnsName",
                      "a version 0 namespace is named by \"netnsName\" alone, but this one also has"
                          + " \"name\"; keep one"));
            } else {
              renameField(ns, "netnsName", "name");
            }
          }
        }
      }
    }
  }

  /** Every step, in order: {@code STEPS.get(v)} migrates version v. */
  static final List<Step> STEPS = List.of(new NetnsNameBecomesName());

  static {
    for (int v = 0; v < STEPS.size(); v++) {
      if (STEPS.get(v).from() != v) {
        throw new IllegalStateException("migration step " + v + " migrates " + STEPS.get(v).from());
      }
    }
    if (STEPS.size() != LabDocument.SCHEMA_VERSION) {
      throw new IllegalStateException("the migration chain does not reach the current version");
    }
  }

  private LabMigrations() {}

  /** The oldest version the chain reads. */
  static int oldest() {
    return 0;
  }

  /**
   * Brings {@code root} (version {@code from}) up to the current version in place; throws {@link
   * LabFormatException} when a step cannot translate something.
   */
  static void migrate(ObjectNode root, int from) {
    for (int v = from; v < LabDocument.SCHEMA_VERSION; v++) {
      Step step = STEPS.get(v);
      List<LabProblem> problems = new ArrayList<>();
      step.apply(root, problems);
      if (!problems.isEmpty()) {
        throw new LabFormatException(
            LabFormatException.Reason.INVALID,
            "The lab document is version "
                + from
                + " and cannot be brought up to version "
                + LabDocument.SCHEMA_VERSION
                + " ("
                + step.change()
                + "); nothing was loaded.",
            problems);
      }
      root.put("schemaVersion", v + 1);
    }
  }

  /** Renames a field, keeping its place among the others. */
  private static void renameField(ObjectNode node, String from, String to) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
    node.removeAll();
    for (Map.Entry<String, JsonNode> field : fields) {
      node.set(field.getKey().equals(from) ? to : field.getKey(), field.getValue());
    }
  }
}
