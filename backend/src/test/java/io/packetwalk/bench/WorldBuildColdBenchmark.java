package io.packetwalk.bench;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same 200-namespace script as {@link WorldBuildBenchmark}, run once in each fresh JVM: what
 * {@code packetwalk.jar run} or the first lab after a server start pays, class loading and the
 * interpreter included. Each fork is one sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class WorldBuildColdBenchmark {

  private String script;
  private List<CommandOutcome> outcomes;

  @Setup
  public void writeScript() {
    script = BenchLabs.namespacesOnABridge(200, "ns");
  }

  @Benchmark
  public List<CommandOutcome> runScriptOnce() {
    outcomes = new ScriptRunner().run(script);
    return outcomes;
  }

  /** A sample of a script whose commands failed would measure error paths: refuse it. */
  @TearDown
  public void checkOutcomes() {
    BenchLabs.requireSuccess(outcomes);
  }
}
