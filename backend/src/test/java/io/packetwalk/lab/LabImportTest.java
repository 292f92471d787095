package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ShellRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An import runs within its run's limits and fails, naming the limit, when it hits one. */
class LabImportTest {

  @Test
  void aScriptThatHitsARunLimitMakesNoLabAndSaysWhichLimit() {
    ShellRun run =
        new ShellRun(
            new RunLimits(
                10, 100, Duration.ofDays(1).toNanos(), Duration.ofSeconds(10).toNanos(), 1 << 20),
            () -> false);
    LabImport.Result result =
        LabImport.fromScript(
            "ip link set lo up\nping -c 50 -i 0 -q 127.0.0.1\nip netns add never\n", "lab", run);
    assertThat(result.document()).isNull();
    assertThat(result.problems())
        .singleElement()
        .satisfies(problem -> {
          assertThat(problem.path()).isEqualTo("line 2");
          assertThat(problem.message()).contains("stopped after 10 packets");
        });
  }

  @Test
  void aScriptWithinTheLimitsMakesItsLab() {
    LabImport.Result result = LabImport.fromScript("ip netns add a\n", "lab");
    assertThat(result.problems()).isEmpty();
    assertThat(result.document().hosts().getFirst().namespaces())
        .anySatisfy(ns -> assertThat(ns.name()).isEqualTo("a"));
  }
}
