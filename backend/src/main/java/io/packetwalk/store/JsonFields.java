package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object for one record, reporting every problem with its path: fields
 * the record does not have, missing required fields, and values of the wrong type or form.
 */
final class JsonFields {

  private final JsonNode node;
  private final String path;
  private final List<LabProblem> problems;
  private final int problemsBefore;

  private JsonFields(JsonNode node, String path, List<LabProblem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  /**
   * The fields of {@code node}, which must be an object with no fields but {@code allowed}; empty
   * (with a problem) when it is not an object.
   */
  static Optional<JsonFields> of(
      JsonNode node, String path, String what, List<String> allowed, List<LabProblem> problems) {
    if (!node.isObject()) {
      problems.add(
          new LabProblem(path, "expected " + what + " (an object), found " + describe(node)));
      return Optional.empty();
    }
    Set<String> known = Set.copyOf(allowed);
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        problems.add(
            new LabProblem(
                join(path, name),
                "unknown field \""
                    + name
                    + "\"; "
                    + what
                    + " has the fields "
                    + String.join(", ", allowed)));
      }
    }
    return Optional.of(new JsonFields(node, path, problems));
  }

  /** Whether no problem was reported while reading this object's fields. */
  boolean clean() {
    return problems.size() == problemsBefore;
  }

  String path(String field) {
    return join(path, field);
  }

  static String join(String path, String field) {
    if (field.isEmpty()) {
      return (path.isEmpty() ? "$" : path) + "[\"\"]";
    }
    return path.isEmpty() || path.equals("$") ? field : path + "." + field;
  }

  void problem(String field, String message) {
    problems.add(new LabProblem(field.isEmpty() ? path : path(field), message));
  }

  /** The field's node, or empty when absent or JSON null. */
  Optional<JsonNode> optional(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** The field's node; reports it missing when absent or null. */
  Optional<JsonNode> required(String field) {
    Optional<JsonNode> value = optional(field);
    if (value.isEmpty()) {
      problem(field, node.has(field) ? "must not be null" : "is required");
    }
    return value;
  }

  String string(String field, String fallback) {
    return optional(field).map(v -> asString(field, v)).orElse(fallback);
  }

  String requiredString(String field) {
    return required(field).map(v -> asString(field, v)).orElse(null);
  }

  private String asString(String field, JsonNode value) {
    if (!value.isString()) {
      problem(field, "expected a string, found " + describe(value));
      return null;
    }
    return value.stringValue();
  }

  int integer(String field, int fallback) {
    return optional(field).map(v -> asInt(field, v)).orElse(fallback);
  }

  int requiredInteger(String field) {
    return required(field).map(v -> asInt(field, v)).orElse(0);
  }

  private int asInt(String field, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problem(
          field,
          "expected an integer"
              + (value.isIntegralNumber() ? " that fits in 32 bits" : "")
              + ", found "
              + describe(value));
      return 0;
    }
    return value.intValue();
  }

  boolean bool(String field, boolean fallback) {
    return optional(field).map(v -> asBool(field, v)).orElse(fallback);
  }

  boolean requiredBool(String field) {
    return required(field).map(v -> asBool(field, v)).orElse(false);
  }

  private boolean asBool(String field, JsonNode value) {
    if (!value.isBoolean()) {
      problem(field, "expected true or false, found " + describe(value));
      return false;
    }
    return value.booleanValue();
  }

  double number(String field) {
    return required(field)
        .map(v -> {
          if (!v.isNumber()) {
            problem(field, "expected a number, found " + describe(v));
            return 0.0;
          }
          double value = v.numberValue().doubleValue();
          if (!Double.isFinite(value)) {
            problem(field, "expected a number within ±1.7e308, found " + describe(v));
            return 0.0;
          }
          return value;
        })
        .orElse(0.0);
  }

  /** A string field parsed by {@code parser} (empty result: the value is not of the form named). */
  <T> T parsed(String field, boolean required, String form, Function<String, Optional<T>> parser) {
    String text = required ? requiredString(field) : string(field, null);
    if (text == null) {
      return null;
    }
    Optional<T> value = parser.apply(text);
    if (value.isEmpty()) {
      problem(field, "\"" + text + "\" is not " + form);
      return null;
    }
    return value.get();
  }

  /** An array field's elements (empty when absent and not required). */
  List<JsonNode> array(String field, boolean required) {
    Optional<JsonNode> value = required ? required(field) : optional(field);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      problem(field, "expected an array, found " + describe(value.get()));
      return List.of();
    }
    return value.get().values().stream().toList();
  }

  /** What a JSON value is, for messages: "a string (\"x\")", "a number (3)", "an object", … */
  static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string (\"" + shorten(value.stringValue()) + "\")";
      case NUMBER -> "a number (" + shorten(value.asString()) + ")";
      case BOOLEAN -> value.booleanValue() ? "true" : "false";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
