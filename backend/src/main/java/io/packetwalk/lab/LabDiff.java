package io.packetwalk.lab;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Where two documents differ, as problems with the document's JSON paths: used to check that a
 * built world reads back as the document it was built from.
 */
final class LabDiff {

  /** Record components whose JSON field has another name. */
  private static final Map<String, String> JSON_NAMES =
      Map.of(
          "destination", "dst",
          "gateway", "via",
          "device", "dev",
          "source", "src",
          "protocol", "proto");

  private final List<LabProblem> problems = new ArrayList<>();

  private LabDiff() {}

  /** One problem per differing value: "rebuilt as X; the document says Y". */
  static List<LabProblem> between(LabDocument wanted, LabDocument built) {
    LabDiff diff = new LabDiff();
    diff.compare("hosts", wanted.hosts(), built.hosts());
    diff.compare("underlay", wanted.underlay(), built.underlay());
    return List.copyOf(diff.problems);
  }

  private void compare(String path, Object wanted, Object built) {
    if (Objects.equals(wanted, built)) {
      return;
    }
    if (wanted instanceof List<?> w && built instanceof List<?> b) {
      for (int i = 0; i < Math.min(w.size(), b.size()); i++) {
        compare(path + "[" + i + "]", w.get(i), b.get(i));
      }
      for (int i = b.size(); i < w.size(); i++) {
        report(path + "[" + i + "]", "is missing from the rebuilt lab");
      }
      for (int i = w.size(); i < b.size(); i++) {
        report(path, "the rebuilt lab has one more: " + b.get(i));
      }
    } else if (wanted instanceof Map<?, ?> w && built instanceof Map<?, ?> b) {
      TreeSet<String> keys = new TreeSet<>();
      w.keySet().forEach(k -> keys.add(k.toString()));
      b.keySet().forEach(k -> keys.add(k.toString()));
      for (String key : keys) {
        compare(path + "[\"" + key + "\"]", w.get(key), b.get(key));
      }
    } else if (wanted instanceof Record w
        && built instanceof Record b
        && w.getClass() == b.getClass()) {
      for (RecordComponent component : w.getClass().getRecordComponents()) {
        String name = JSON_NAMES.getOrDefault(component.getName(), component.getName());
        compare(path + "." + name, value(component, w), value(component, b));
      }
    } else {
      report(path, "is " + text(built) + " in the rebuilt lab; the document says " + text(wanted));
    }
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "absent";
    }
    return value instanceof String s ? "\"" + s + "\"" : value.toString();
  }

  private void report(String path, String message) {
    problems.add(new LabProblem(path, message));
  }
}
