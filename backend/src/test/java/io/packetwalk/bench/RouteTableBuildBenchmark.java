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
 * Filling a routing table: the {@link BenchLabs#routeTable} script with {@code routes} {@code ip
 * route add} lines, run by {@link ScriptRunner}. Each sample is one whole script, so the figure
 * shows how adding a route scales with the size of the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class RouteTableBuildBenchmark {

  @Param("10000")
  public int routes;

  private String script;

  @Setup
  public void writeScript() {
    script = BenchLabs.routeTable(routes);
    BenchLabs.requireSuccess(new ScriptRunner().run(script));
  }

  @Benchmark
  public List<CommandOutcome> runScript() {
    return new ScriptRunner().run(script);
  }
}
