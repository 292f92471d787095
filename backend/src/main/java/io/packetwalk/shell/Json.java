package io.packetwalk.shell;

/** Hand-written JSON for {@code run --json}: one flat object per command outcome. */
final class Json {

  private Json() {}

  static String outcome(CommandOutcome outcome) {
    return "{\"line\":"
        + outcome.line()
        + ",\"cmd\":"
        + string(outcome.cmd())
        + ",\"exit\":"
        + outcome.exit()
        + ",\"stdout\":"
        + string(outcome.stdout())
        + ",\"stderr\":"
        + string(outcome.stderr())
        + (outcome.stopped() == null ? "" : ",\"stopped\":" + string(outcome.stopped()))
        + "}";
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
