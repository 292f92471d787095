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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a world from a script: {@code new ScriptRunner().run(script)} for {@link
 * BenchLabs#namespacesOnABridge} with 200 namespaces (1,602 command lines), in a warmed-up JVM.
 * {@code namespaces} can be overridden ({@code -p namespaces=50,100,200,400}) to see how the time
 * grows with the world.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class WorldBuildBenchmark {

  @Param("200")
  public int namespaces;

  private String script;

  @Setup
  public void writeScript() {
    script = BenchLabs.namespacesOnABridge(namespaces, "ns");
    BenchLabs.requireSuccess(new ScriptRunner().run(script));
  }

  @Benchmark
  public List<CommandOutcome> runScript() {
    return new ScriptRunner().run(script);
  }
}
