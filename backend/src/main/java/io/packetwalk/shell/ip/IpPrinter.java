package io.packetwalk.shell.ip;

/**
 * iproute2's print_* layer: one call prints a value as text (with a printf-style format) or as a
 * named JSON member, depending on {@code -j}; {@link Mode} says which of the two a call is for
 * (PRINT_ANY, PRINT_FP, PRINT_JSON). Output is one JSON array per command, or text where a "new
 * line" is a backslash with {@code -o}.
 */
final class IpPrinter {

  /** Which output a print call is meant for. */
  enum Mode {
    /** Both text and JSON (PRINT_ANY). */
    ANY,
    /** Text only (PRINT_FP). */
    TEXT,
    /** JSON only (PRINT_JSON). */
    JSON
  }

  private final StringBuilder out = new StringBuilder();
  private final JsonWriter json;
  private final boolean oneline;

  IpPrinter(IpOptions options) {
    this.json = options.json() ? new JsonWriter(out, options.pretty()) : null;
    this.oneline = options.oneline();
    if (json != null) {
      json.startArray();
    }
  }

  boolean isJson() {
    return json != null;
  }

  private boolean printsText(Mode mode) {
    return json == null && mode != Mode.JSON;
  }

  private boolean printsJson(Mode mode) {
    return json != null && mode != Mode.TEXT;
  }

  void string(Mode mode, String key, String format, String value) {
    if (printsJson(mode)) {
      if (key != null) {
        json.name(key);
      }
      json.string(value);
    } else if (printsText(mode)) {
      out.append(format.replace("%s", value));
    }
  }

  void number(Mode mode, String key, String format, long value) {
    if (printsJson(mode)) {
      if (key != null) {
        json.name(key);
      }
      json.literal(Long.toString(value));
    } else if (printsText(mode)) {
      out.append(format.replace("%d", Long.toString(value)));
    }
  }

  /** A JSON member printed without quotes (iproute2 prints timers as {@code 0.00}). */
  void literal(Mode mode, String key, String format, String value) {
    if (printsJson(mode)) {
      json.name(key);
      json.literal(value);
    } else if (printsText(mode)) {
      out.append(format.replace("%s", value));
    }
  }

  /** print_bool / print_on_off: JSON true/false; text "on"/"off" in the format. */
  void onOff(String key, String format, boolean value) {
    if (json != null) {
      json.name(key);
      json.literal(Boolean.toString(value));
    } else {
      out.append(format.replace("%s", value ? "on" : "off"));
    }
  }

  /** An address flag: {@code "secondary":true} in JSON, {@code secondary } in text. */
  void onOffFlag(String name) {
    if (json != null) {
      json.name(name);
      json.literal("true");
    } else {
      out.append(name).append(' ');
    }
  }

  /** print_null(PRINT_ANY, key, text): {@code "key":null} in JSON, the text otherwise. */
  void nullOrText(String key, String text) {
    if (json != null) {
      json.name(key);
      json.literal("null");
    } else {
      out.append(text);
    }
  }

  /** Text only. */
  void text(String text) {
    if (json == null) {
      out.append(text);
    }
  }

  /** print_nl(): a new line, or a backslash in one-line mode; nothing in JSON. */
  void newline() {
    if (json == null) {
      out.append(oneline ? "\\" : "\n");
    }
  }

  /** The end of one record: always a real new line in text mode. */
  void endRecord() {
    text("\n");
  }

  void openObject(String key) {
    if (json != null) {
      if (key != null) {
        json.name(key);
      }
      json.startObject();
    }
  }

  void closeObject() {
    if (json != null) {
      json.endObject();
    }
  }

  /** open_json_array(PRINT_ANY, json ? key : text). */
  void openArray(String key, String text) {
    if (json != null) {
      if (key != null) {
        json.name(key);
      }
      json.startArray();
    } else {
      out.append(text);
    }
  }

  /** open_json_array(PRINT_JSON, key): an array in JSON only. */
  void openJsonArray(String key) {
    if (json != null) {
      json.name(key);
      json.startArray();
    }
  }

  void closeJsonArray() {
    if (json != null) {
      json.endArray();
    }
  }

  void closeArray(String text) {
    if (json != null) {
      json.endArray();
    } else {
      out.append(text);
    }
  }

  /** Everything printed; JSON output is closed and ends with a new line. */
  String finish() {
    if (json != null) {
      json.endArray();
      out.append('\n');
    }
    return out.toString();
  }
}
