package io.packetwalk.shell;

/**
 * A script (or one typed line) uses shell syntax the simulator does not run, or breaks a limit.
 * Carries the 1-based line and column of the offending character (column 0 when the whole script is
 * refused, e.g. for its size).
 */
public final class ScriptSyntaxException extends RuntimeException {

  private final int line;
  private final int column;
  private final String reason;

  public ScriptSyntaxException(int line, int column, String reason) {
    super(
        column > 0
            ? "line " + line + ", column " + column + ": " + reason
            : line > 0 ? "line " + line + ": " + reason : reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without its position. */
  public String reason() {
    return reason;
  }
}
