package io.packetwalk.shell;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One simulated world and the shell that changes it: parses a typed line, runs the program it names
 * in a namespace, and reports what the program printed and returned. Never throws for bad input; a
 * refused line changes nothing.
 */
public final class ShellSession {

  /** Exit status bash uses when it cannot parse a line. */
  static final int SYNTAX_ERROR_STATUS = 2;

  /** Exit status for a fault of the simulator itself (EX_SOFTWARE); never a tool's answer. */
  static final int INTERNAL_ERROR_STATUS = 70;

  /** Exit status bash uses for a command that does not exist. */
  static final int NOT_FOUND_STATUS = 127;

  private final World world;
  private final Traffic traffic;
  private final Map<String, Tool> tools;
  private final ShellFiles files = new ShellFiles();

  public ShellSession(World world) {
    this.world = world;
    this.traffic = new Traffic(world);
    this.tools = Tools.all();
  }

  public World world() {
    return world;
  }

  Traffic traffic() {
    return traffic;
  }

  /**
   * Runs one typed line in {@code context}. Blank lines and comments succeed silently; syntax the
   * shell does not support fails with status 2 and a message naming the line and column.
   */
  public CommandOutcome execute(NetNamespace context, String line, int lineNumber) {
    return execute(context, line, lineNumber, RunLimits.DEFAULTS, () -> false);
  }

  /**
   * As {@link #execute(NetNamespace, String, int)}, with its own budget of {@code limits}; {@code
   * cancelled} turning true (the client went away) ends it early.
   */
  public CommandOutcome execute(
      NetNamespace context,
      String line,
      int lineNumber,
      RunLimits limits,
      BooleanSupplier cancelled) {
    return execute(context, line, lineNumber, new ShellRun(limits, cancelled));
  }

  /**
   * As {@link #execute(NetNamespace, String, int)}, spending {@code run}'s budget (shared with the
   * other lines of its script). A line the run's limits no longer allow is not run.
   */
  public CommandOutcome execute(NetNamespace context, String line, int lineNumber, ShellRun run) {
    Optional<ScriptLine> parsed;
    try {
      parsed = ScriptParser.parseLine(line, lineNumber);
    } catch (ScriptSyntaxException e) {
      return new CommandOutcome(
          lineNumber,
          line.strip(),
          SYNTAX_ERROR_STATUS,
          "",
          "packetwalk: " + e.getMessage() + "\n");
    }
    if (parsed.isEmpty()) {
      return new CommandOutcome(lineNumber, line.strip(), 0, "", "");
    }
    if (run.isStopped()) {
      return notRun(lineNumber, line.strip(), run);
    }
    return run(context, parsed.get(), run);
  }

  /**
   * Runs a parsed line within {@code run}'s budget; a background line ({@code … &}) reports status
   * 0 and no output. When a limit ends the line, its outcome says which and stderr ends with that
   * sentence.
   */
  CommandOutcome run(NetNamespace context, ScriptLine line, ShellRun run) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    traffic.simulator().useBudget(run.budget());
    String stdin = line.stdin();
    if (line.inputFile() != null) {
      Optional<String> text = files.read(line.inputFile());
      if (text.isEmpty()) {
        return new CommandOutcome(
            line.line(),
            line.text(),
            1,
            "",
            "bash: " + line.inputFile() + ": No such file or directory\n");
      }
      stdin = text.get();
    }
    int status =
        dispatch(
            new ToolContext(this, context, out, err, line.background(), run, stdin),
            line.words(),
            false);
    for (List<String> next : line.piped()) {
      String input = out.toString();
      out.setLength(0);
      status =
          dispatch(
              new ToolContext(this, context, out, err, line.background(), run, input), next, false);
    }
    if (line.outputFile() != null) {
      Optional<String> refused =
          files.write(line.outputFile(), out.toString(), line.appendOutput());
      out.setLength(0);
      if (refused.isPresent()) {
        err.append("bash: ").append(refused.get()).append('\n');
        status = 1;
      }
    }
    run.budget().checkpoint();
    String stopped = run.stopped();
    if (stopped != null) {
      err.append("packetwalk: ").append(stopped).append('\n');
    }
    if (line.background()) {
      return new CommandOutcome(line.line(), line.text(), 0, "", "", stopped);
    }
    return new CommandOutcome(
        line.line(), line.text(), status, out.toString(), err.toString(), stopped);
  }

  /** The outcome of a line that a limit reached on an earlier line kept from running. */
  static CommandOutcome notRun(int lineNumber, String text, ShellRun run) {
    return new CommandOutcome(
        lineNumber, text, 1, "", "packetwalk: not run, " + run.stopped() + "\n", run.stopped());
  }

  /** The files this session's redirections wrote. */
  ShellFiles files() {
    return files;
  }

  /** The trace of the last traffic command (ping, nc), for the UI. */
  public Optional<Trace> lastTrace() {
    return traffic.lastTrace();
  }

  /**
   * The trace of the last traffic command, handed over and forgotten: the session keeps no trace
   * once its caller has it.
   */
  public Optional<Trace> takeLastTrace() {
    Optional<Trace> trace = traffic.lastTrace();
    traffic.recordTrace(null);
    return trace;
  }

  /**
   * Runs {@code argv} with the given context. {@code nested} is true when another program (ip netns
   * exec) started it, which changes how a missing program is reported.
   */
  int dispatch(ToolContext context, List<String> argv, boolean nested) {
    String name = argv.get(0);
    Tool tool = tools.get(name);
    if (tool == null) {
      if (nested) {
        context.errln("exec of \"" + name + "\" failed: No such file or directory");
        return 1;
      }
      context.errln("bash: line 1: " + name + ": command not found");
      return NOT_FOUND_STATUS;
    }
    try {
      return tool.run(context, argv);
    } catch (ToolFailure failure) {
      if (!failure.getMessage().isEmpty()) {
        context.errln(failure.getMessage());
      }
      return failure.status();
    } catch (RuntimeException bug) {
      context.errln("packetwalk: internal error in " + name + ": " + bug);
      return INTERNAL_ERROR_STATUS;
    }
  }
}
