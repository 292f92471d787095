package io.packetwalk.stream;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.lab.EditInverse;
import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabProblem;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellRun;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.EditOutcome;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries out one canvas edit as one batch, all or nothing. The lines first run on a copy of the
 * world built from its lab document; only when every one succeeds there do they run on the lab's
 * own world, so that a refused line leaves the lab untouched. Should a line that passed on the copy
 * fail on the lab itself, the lab is rebuilt from the document taken before the batch. The
 * reversing lines come from the documents before and after ({@link EditInverse}).
 */
final class EditBatch {

  /** The answer, and the shell the lab goes on with (a rebuilt one after a rollback). */
  record Done(EditResult result, ShellSession shell) {}

  private final Edit edit;
  private final ShellRun run;

  EditBatch(Edit edit, ShellRun run) {
    this.edit = edit;
    this.run = run;
  }

  Done apply(ShellSession shell, String labName, int firstLine) {
    LabDocument before = WorldSnapshot.document(shell.world(), labName);
    LabBuilder.Result trial = LabBuilder.build(before);
    if (!trial.built()) {
      return refused(
          shell,
          List.of(),
          "This lab holds something a lab document cannot copy yet, so the edit cannot be tried"
              + " first and was not made: "
              + trial.problems().stream()
                  .map(LabProblem::toString)
                  .collect(Collectors.joining("; ")));
    }
    List<EditOutcome> tried = runAll(new ShellSession(trial.world()), firstLine);
    if (failed(tried)) {
      return refused(shell, tried, errorOf(tried));
    }
    List<EditOutcome> done = runAll(shell, firstLine);
    if (failed(done)) {
      World restored = LabBuilder.build(before).world();
      return refused(new ShellSession(restored), done, errorOf(done));
    }
    LabDocument after = WorldSnapshot.document(shell.world(), labName);
    List<EditCommand> undo =
        EditInverse.between(before, after).stream()
            .map(c -> new EditCommand(new NamespaceRef(c.host(), ""), c.line()))
            .toList();
    return new Done(new EditResult(edit.requestId(), edit.label(), true, done, undo, null), shell);
  }

  /** Runs the lines in order until one fails; the outcomes of those run. */
  private List<EditOutcome> runAll(ShellSession shell, int firstLine) {
    List<EditOutcome> outcomes = new ArrayList<>();
    int number = firstLine;
    for (EditCommand command : edit.commands()) {
      Optional<NetNamespace> ns = resolve(shell.world(), command.netns());
      if (ns.isEmpty()) {
        outcomes.add(
            new EditOutcome(
                command.netns(),
                command.line(),
                1,
                "",
                "packetwalk: no namespace \""
                    + command.netns().netns()
                    + "\" on host \""
                    + command.netns().host()
                    + "\"\n"));
        break;
      }
      shell.use(ns.get().host());
      CommandOutcome outcome = shell.execute(ns.get(), command.line(), number++, run);
      shell.takeLastTrace();
      outcomes.add(
          new EditOutcome(
              command.netns(),
              command.line(),
              outcome.exit(),
              outcome.stdout(),
              outcome.stderr() + (outcome.stopped() == null ? "" : outcome.stopped() + "\n")));
      if (outcome.exit() != 0) {
        break;
      }
    }
    return outcomes;
  }

  private static Optional<NetNamespace> resolve(World world, NamespaceRef ref) {
    return world.host(ref.host()).flatMap((Host host) -> host.netns(ref.netns()));
  }

  private boolean failed(List<EditOutcome> outcomes) {
    return outcomes.size() < edit.commands().size()
        || outcomes.stream().anyMatch(o -> o.exit() != 0);
  }

  /** The refusing line's first line of errors, else its exit status. */
  private static String errorOf(List<EditOutcome> outcomes) {
    EditOutcome last = outcomes.getLast();
    return last.stderr()
        .lines()
        .filter(line -> !line.isBlank())
        .findFirst()
        .orElse("`" + last.line() + "` exited with status " + last.exit());
  }

  private Done refused(ShellSession shell, List<EditOutcome> outcomes, String error) {
    return new Done(
        new EditResult(edit.requestId(), edit.label(), false, outcomes, List.of(), error), shell);
  }
}
