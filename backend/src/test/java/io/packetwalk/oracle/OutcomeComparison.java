package io.packetwalk.oracle;

import io.packetwalk.shell.CommandOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the kernel's and the simulator's outcomes of one scenario, command line by command line:
 * exit status always; normalised stdout and stderr for every tool whose output is deterministic
 * ({@link CommandLine.Tool#comparesOutput()}).
 */
final class OutcomeComparison {

  /** One command line whose outcomes differ, with a diff per differing aspect. */
  record Mismatch(int line, String cmd, List<String> aspects) {

    String render() {
      StringBuilder sb = new StringBuilder();
      sb.append("line ").append(line).append(": ").append(cmd).append('\n');
      for (String aspect : aspects) {
        sb.append(aspect);
      }
      return sb.toString();
    }
  }

  /** The verdict for one scenario. */
  record Result(String scenario, int commands, List<Mismatch> mismatches) {

    int matching() {
      return commands - mismatches.size();
    }

    boolean passed() {
      return mismatches.isEmpty();
    }

    String report(int maxMismatches) {
      StringBuilder sb = new StringBuilder();
      sb.append(scenario)
          .append(": ")
          .append(mismatches.size())
          .append(" of ")
          .append(commands)
          .append(" commands differ (--- kernel, expected / +++ simulator, actual)\n");
      mismatches.stream().limit(maxMismatches).forEach(m -> sb.append('\n').append(m.render()));
      if (mismatches.size() > maxMismatches) {
        sb.append("\n… and ").append(mismatches.size() - maxMismatches).append(" more\n");
      }
      return sb.toString();
    }
  }

  private OutcomeComparison() {}

  static Result compare(
      Scenario scenario, List<CommandOutcome> kernel, List<CommandOutcome> simulator) {
    OutputNormaliser normaliser = OutputNormaliser.forScript(scenario.text());
    Map<Integer, CommandOutcome> simByLine = new LinkedHashMap<>();
    for (CommandOutcome outcome : simulator) {
      simByLine.put(outcome.line(), outcome);
    }
    List<Mismatch> mismatches = new ArrayList<>();
    for (CommandOutcome k : kernel) {
      CommandOutcome s = simByLine.remove(k.line());
      if (s == null) {
        mismatches.add(
            new Mismatch(k.line(), k.cmd(), List.of("  the simulator reported no outcome\n")));
        continue;
      }
      CommandLine command = CommandLine.parse(k.cmd());
      List<String> aspects = new ArrayList<>();
      if (!sameCommand(s.cmd(), k.cmd())) {
        aspects.add("  command text: simulator saw \"" + s.cmd() + "\"\n");
      }
      if (k.exit() != s.exit()) {
        aspects.add("  exit: kernel " + k.exit() + ", simulator " + s.exit() + "\n");
      }
      if (command.tool().comparesOutput()) {
        diff(
            "stdout",
            normaliser.normalise(command, k.stdout()),
            normaliser.normalise(command, s.stdout()),
            aspects);
        diff(
            "stderr",
            normaliser.normalise(command, k.stderr()),
            normaliser.normalise(command, s.stderr()),
            aspects);
      }
      if (!aspects.isEmpty()) {
        mismatches.add(new Mismatch(k.line(), k.cmd(), aspects));
      }
    }
    for (CommandOutcome extra : simByLine.values()) {
      mismatches.add(
          new Mismatch(
              extra.line(),
              extra.cmd(),
              List.of("  the simulator reported an outcome for a line the kernel did not run\n")));
    }
    mismatches.sort((x, y) -> Integer.compare(x.line(), y.line()));
    return new Result(scenario.name(), kernel.size(), List.copyOf(mismatches));
  }

  private static boolean sameCommand(String a, String b) {
    return canonical(a).equals(canonical(b));
  }

  private static String canonical(String cmd) {
    String c = cmd.strip().replaceAll("\\s+", " ");
    return c.endsWith("&") ? c.substring(0, c.length() - 1).strip() : c;
  }

  private static void diff(String stream, String kernel, String simulator, List<String> aspects) {
    if (!kernel.equals(simulator)) {
      aspects.add("  @@ " + stream + " @@\n" + indent(LineDiff.render(kernel, simulator)));
    }
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
  }
}
