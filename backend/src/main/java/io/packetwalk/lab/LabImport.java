package io.packetwalk.lab;

import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ScriptSyntaxException;
import io.packetwalk.shell.ShellRun;
import io.packetwalk.shell.ShellSession;
import java.util.ArrayList;
import java.util.List;

/**
 * A command script made into a lab: the script runs in a fresh simulated world (one host whose root
 * namespace holds only {@code lo}), as it would in a fresh network namespace under bash, and the
 * world it leaves is read as a document. A command that fails makes the import fail, with every
 * failing line reported ({@code line N}); a script the shell cannot parse runs not at all.
 */
public final class LabImport {

  /** The document, or the problems that stopped the import (then {@code document} is null). */
  public record Result(LabDocument document, List<LabProblem> problems) {

    public Result {
      problems = List.copyOf(problems);
      if ((document == null) == problems.isEmpty()) {
        throw new IllegalArgumentException("an import gives a document or problems, not both");
      }
    }
  }

  private LabImport() {}

  /** Runs {@code script} within the default run limits and reads the world it leaves. */
  public static Result fromScript(String script, String name) {
    return fromScript(script, name, new ShellRun(RunLimits.DEFAULTS, () -> false));
  }

  /**
   * Runs {@code script} within {@code run}'s budget and reads the world it leaves as a lab named
   * {@code name}; a line that a limit stopped fails the import, naming the limit.
   */
  public static Result fromScript(String script, String name, ShellRun run) {
    LabDocument.checkName(name);
    try {
      ScriptParser.parseScript(script);
    } catch (ScriptSyntaxException e) {
      String path = e.line() > 0 ? "line " + e.line() : "$";
      String where = e.column() > 0 ? "column " + e.column() + ": " : "";
      return new Result(
          null, List.of(new LabProblem(path, where + e.reason() + "; nothing was run")));
    }
    ShellSession shell = new ShellSession(World.withOneHost());
    List<LabProblem> problems = new ArrayList<>();
    String[] lines = script.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      CommandOutcome outcome = shell.execute(shell.currentHost().root(), lines[i], i + 1, run);
      if (outcome.stopped() != null) {
        problems.add(new LabProblem("line " + (i + 1), outcome.stopped()));
        break;
      }
      if (outcome.exit() != 0) {
        String said = outcome.stderr().strip().replace('\n', ' ');
        problems.add(
            new LabProblem(
                "line " + (i + 1),
                "`"
                    + outcome.cmd()
                    + "` exited with status "
                    + outcome.exit()
                    + (said.isEmpty() ? "" : ": " + said)));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(WorldSnapshot.document(shell.world(), name), List.of());
  }
}
