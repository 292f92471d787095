package io.packetwalk.shell;

/**
 * A program ends early with an exit status and a message for standard error (one or more lines,
 * without the final newline, which is added). Thrown by tools, caught by the shell.
 */
public final class ToolFailure extends RuntimeException {

  private final int status;

  public ToolFailure(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
