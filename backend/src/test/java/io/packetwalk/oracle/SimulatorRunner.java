package io.packetwalk.oracle;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptRunner;
import java.util.List;

/** Runs a scenario in a fresh simulated world through the shell's {@link ScriptRunner}. */
final class SimulatorRunner {

  List<CommandOutcome> run(Scenario scenario) {
    return new ScriptRunner().run(scenario.text());
  }
}
