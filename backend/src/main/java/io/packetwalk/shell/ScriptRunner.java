package io.packetwalk.shell;

import io.packetwalk.kernel.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a whole command script in a fresh world (one host whose root namespace holds only {@code
 * lo}, like a new network namespace), as {@code bash} would run it line by line. Each line runs in
 * the root namespace of the session's current host ({@code pw use HOST} changes it).
 */
public final class ScriptRunner {

  public ScriptRunner() {}

  /**
   * Runs every command line of {@code script} and returns one outcome per command line, in order.
   * The script is parsed completely first: a syntax error throws {@link ScriptSyntaxException} and
   * nothing runs.
   */
  public List<CommandOutcome> run(String script) {
    return run(script, RunLimits.DEFAULTS, () -> false);
  }

  /**
   * As {@link #run(String)}, with one budget of {@code limits} for the whole script; {@code
   * cancelled} turning true (the client went away) ends the run early. The line that hits a limit
   * says so in its outcome's {@code stopped}; the lines after it do not run.
   */
  public List<CommandOutcome> run(String script, RunLimits limits, BooleanSupplier cancelled) {
    List<ScriptLine> lines = ScriptParser.parseScript(script);
    ShellSession session = new ShellSession(World.withOneHost());
    ShellRun run = new ShellRun(limits, cancelled);
    List<CommandOutcome> outcomes = new ArrayList<>(lines.size());
    for (ScriptLine line : lines) {
      CommandOutcome outcome = session.run(session.currentHost().root(), line, run);
      outcomes.add(outcome);
      if (outcome.stopped() != null) {
        break;
      }
    }
    return List.copyOf(outcomes);
  }
}
