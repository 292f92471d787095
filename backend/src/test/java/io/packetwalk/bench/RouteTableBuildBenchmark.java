package io.packetwalk.bench;

import io.packetwalk.shell.ShellSession;
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
 * route add} lines, run line by line in a fresh {@link ShellSession} ({@code ScriptRunner} refuses
 * scripts over 10,000 lines). Each sample is one whole script, so the figure shows how adding a
 * route scales with the size of the table.
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
  }

  /** {@link BenchLabs#build} fails the sample when any line fails. */
  @Benchmark
  public ShellSession runScript() {
    return BenchLabs.build(script);
  }
}
