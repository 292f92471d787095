package io.packetwalk.oracle;

import static org.assertj.core.api.Assertions.fail;

import io.packetwalk.shell.CommandOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernel oracle: every scenario under {@code src/test/resources/scenarios} runs in the
 * simulator and, through {@code oracle/kernel-run.sh}, in real isolated network namespaces; the
 * outcomes must match command by command after normalisation (see {@code docs/fidelity.md}).
 *
 * <p>Skipped, with the reason printed, where the machine cannot run real namespaces (not root, no
 * {@code unshare}/{@code ip netns}). {@code -Doracle.scenarios=03-,18-} restricts the run to
 * scenario files whose names contain one of the given fragments. {@code -Doracle.selfCheck=true}
 * compares the kernel with a second kernel run instead of the simulator, to prove the scenarios and
 * the normalisation deterministic. Both sides' raw outcomes are kept under {@code target/oracle/}
 * for inspection.
 */
class KernelOracleTest {

  private static final Path WORK = Path.of("target", "oracle");
  private static final List<OutcomeComparison.Result> RESULTS =
      Collections.synchronizedList(new ArrayList<>());

  @TestFactory
  Stream<DynamicTest> everyScenarioMatchesTheRealKernel() throws IOException {
    Files.createDirectories(WORK);
    KernelRunner kernel = new KernelRunner(resource("/oracle").resolve("kernel-run.sh"));
    Optional<String> unavailable = kernel.unavailableReason(WORK);
    if (unavailable.isPresent()) {
      System.out.println("KernelOracleTest skipped: " + unavailable.get());
    }
    Assumptions.assumeTrue(
        unavailable.isEmpty(), () -> "kernel oracle skipped: " + unavailable.orElse(""));
    List<String> missing = kernel.missingScenarioTools();
    if (!missing.isEmpty()) {
      fail(
          "The scenarios run tools this machine lacks: "
              + String.join(", ", missing)
              + ". Install them (.ci/run does) and run the tests again.");
    }
    boolean selfCheck = Boolean.getBoolean("oracle.selfCheck");
    Function<Scenario, List<CommandOutcome>> other =
        selfCheck
            ? s -> kernel.run(s, WORK.resolve("kernel-again").resolve(baseName(s)))
            : new SimulatorRunner()::run;
    return Scenario.allIn(resource("/scenarios")).stream()
        .filter(KernelOracleTest::selected)
        .map(scenario ->
            DynamicTest.dynamicTest(
                scenario.name(), scenario.path().toUri(), () -> check(scenario, kernel, other)));
  }

  private static String baseName(Scenario scenario) {
    return scenario.name().replaceFirst("\\.sh$", "");
  }

  private static void check(
      Scenario scenario, KernelRunner kernel, Function<Scenario, List<CommandOutcome>> simulator)
      throws IOException {
    String base = baseName(scenario);
    List<CommandOutcome> real = kernel.run(scenario, WORK.resolve("kernel").resolve(base));
    List<CommandOutcome> simulated;
    try {
      simulated = simulator.apply(scenario);
    } catch (RuntimeException e) {
      RESULTS.add(
          new OutcomeComparison.Result(
              scenario.name(),
              real.size(),
              List.of(
                  new OutcomeComparison.Mismatch(
                      0, "(whole script)", List.of("  simulator threw " + e + "\n")))));
      throw e;
    }
    dump(WORK.resolve("simulator").resolve(base + ".txt"), simulated);
    OutcomeComparison.Result result = OutcomeComparison.compare(scenario, real, simulated);
    RESULTS.add(result);
    System.out.printf(
        "ORACLE %s: %d/%d commands match%n", scenario.name(), result.matching(), result.commands());
    if (!result.passed()) {
      fail(result.report(25));
    }
  }

  @AfterAll
  static void summarise() throws IOException {
    if (RESULTS.isEmpty()) {
      return;
    }
    List<OutcomeComparison.Result> results;
    synchronized (RESULTS) {
      results = new ArrayList<>(RESULTS);
    }
    results.sort((a, b) -> a.scenario().compareTo(b.scenario()));
    long passed = results.stream().filter(OutcomeComparison.Result::passed).count();
    int commands = results.stream().mapToInt(OutcomeComparison.Result::commands).sum();
    int matching = results.stream().mapToInt(OutcomeComparison.Result::matching).sum();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "kernel oracle: %d of %d scenarios pass; %d of %d commands match%n",
            passed, results.size(), matching, commands));
    for (OutcomeComparison.Result r : results) {
      sb.append(
          String.format(
              "  %-4s %-40s %d/%d%n",
              r.passed() ? "PASS" : "FAIL", r.scenario(), r.matching(), r.commands()));
    }
    System.out.print(sb);
    Files.writeString(WORK.resolve("summary.txt"), sb.toString(), StandardCharsets.UTF_8);
  }

  private static boolean selected(Scenario scenario) {
    String only = System.getProperty("oracle.scenarios", "").strip();
    if (only.isEmpty()) {
      return true;
    }
    return Stream.of(only.split(","))
        .map(String::strip)
        .anyMatch(fragment -> !fragment.isEmpty() && scenario.name().contains(fragment));
  }

  private static void dump(Path file, List<CommandOutcome> outcomes) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder();
    for (CommandOutcome o : outcomes) {
      sb.append("### ").append(o.line()).append(": $ ").append(o.cmd());
      sb.append("   [exit ").append(o.exit()).append("]\n");
      if (!o.stdout().isEmpty()) {
        sb.append("--- stdout\n").append(o.stdout());
      }
      if (!o.stderr().isEmpty()) {
        sb.append("--- stderr\n").append(o.stderr());
      }
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  private static Path resource(String name) {
    URL url = KernelOracleTest.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource " + name + " not found");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
