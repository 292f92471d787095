package io.packetwalk.shell.ip;

/**
 * iproute2's json_writer: compact output, or with {@code -p} four-space indentation where names
 * start a new line and array values stay on one line ({@code [ "UP","LOWER_UP" ]}).
 */
final class JsonWriter {

  private final StringBuilder out;
  private final boolean pretty;
  private int depth;
  private char separator;

  JsonWriter(StringBuilder out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  private void indent() {
    out.append("    ".repeat(depth));
  }

  private void endOfLine() {
    if (pretty) {
      out.append('\n');
      indent();
    }
  }

  private void endOfRecord() {
    if (separator != '\0') {
      out.append(separator);
    }
    separator = ',';
  }

  private void begin(char c) {
    endOfRecord();
    out.append(c);
    depth++;
    separator = '\0';
  }

  private void end(char c) {
    depth--;
    if (separator != '\0') {
      endOfLine();
    }
    out.append(c);
    separator = ',';
  }

  void name(String name) {
    endOfRecord();
    endOfLine();
    separator = '\0';
    quoted(name);
    out.append(':');
    if (pretty) {
      out.append(' ');
    }
  }

  void startObject() {
    begin('{');
  }

  void endObject() {
    end('}');
  }

  void startArray() {
    begin('[');
    if (pretty) {
      out.append(' ');
    }
  }

  void endArray() {
    if (pretty && separator != '\0') {
      out.append(' ');
    }
    separator = '\0';
    end(']');
  }

  void string(String value) {
    endOfRecord();
    quoted(value);
  }

  /** A number, boolean or null as it should appear, unquoted. */
  void literal(String value) {
    endOfRecord();
    out.append(value);
  }

  private void quoted(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '\b' -> out.append("\\b");
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        default -> out.append(c);
      }
    }
    out.append('"');
  }
}
