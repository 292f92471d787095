package io.packetwalk.shell;

import java.util.List;

/** A command-line program the shell can run: {@code ip}, {@code ping}, {@code brctl}, … */
public interface Tool {

  /**
   * Runs the program. {@code argv.get(0)} is the program name. Output goes through the context;
   * failures may be reported by throwing {@link ToolFailure}. Returns the exit status.
   */
  int run(ToolContext context, List<String> argv);
}
