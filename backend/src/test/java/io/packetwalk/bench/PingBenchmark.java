package io.packetwalk.bench;

import io.packetwalk.engine.PingOptions;
import io.packetwalk.engine.PingRun;
import io.packetwalk.engine.Simulator;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed: one {@code ping -c 1} from ns1 to ns3 across the bridge of {@link
 * BenchLabs#threeNamespacesOnABridge()}. The primary score is pings per second; the {@code steps}
 * counter is trace steps per second, the engine's headline figure.
 *
 * <ul>
 *   <li>{@code warm}: one world per trial, ARP caches already filled by a first ping, so each probe
 *       is echo request and reply only.
 *   <li>{@code cold}: a fresh world per invocation (built outside the measured time), so each probe
 *       also resolves ns3's address with ARP flooded through the bridge.
 * </ul>
 *
 * <p>The engine is a lot of code for the JIT: on two cores it needs about 15 s of warm-up before
 * the score stops climbing, hence the eight warm-up iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class PingBenchmark {

  private static final PingOptions ONE_PROBE =
      PingOptions.of(Ipv4Address.parse(BenchLabs.THREE_NAMESPACES_TARGET), 1);

  /** Trace steps the engine produced; JMH reports them per second next to the pings. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Steps {

    public long steps;

    @Setup(Level.Iteration)
    public void reset() {
      steps = 0;
    }
  }

  /**
   * Probes whose trace had another number of steps than the first warm probe (a neighbour entry
   * aging during the trial, say); JMH reports the count, which should stay near zero.
   */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Irregular {

    public long otherStepCounts;

    @Setup(Level.Iteration)
    public void reset() {
      otherStepCounts = 0;
    }
  }

  /** One world for the whole trial, its neighbour caches warmed by a first ping. */
  @State(Scope.Thread)
  public static class WarmLab {

    Simulator simulator;
    NetNamespace from;
    int warmTraceSize;

    @Setup(Level.Trial)
    public void build() {
      World world = BenchLabs.build(BenchLabs.threeNamespacesOnABridge()).world();
      simulator = new Simulator(world);
      from = BenchLabs.netns(world, "ns1");
      requireReply(simulator.ping(from, ONE_PROBE));
      PingRun warm = simulator.ping(from, ONE_PROBE);
      requireReply(warm);
      warmTraceSize = warm.trace().size();
    }
  }

  /** A fresh world before every invocation: nothing cached, ARP must run. */
  @State(Scope.Thread)
  public static class ColdLab {

    private static final String SCRIPT = BenchLabs.threeNamespacesOnABridge();

    Simulator simulator;
    NetNamespace from;

    @Setup(Level.Invocation)
    public void build() {
      World world = BenchLabs.build(SCRIPT).world();
      simulator = new Simulator(world);
      from = BenchLabs.netns(world, "ns1");
    }
  }

  @Benchmark
  public PingRun warm(WarmLab lab, Steps steps, Irregular irregular) {
    PingRun run = lab.simulator.ping(lab.from, ONE_PROBE);
    int size = run.trace().size();
    steps.steps += size;
    if (size != lab.warmTraceSize) {
      irregular.otherStepCounts++;
    }
    return run;
  }

  @Benchmark
  public PingRun cold(ColdLab lab, Steps steps) {
    PingRun run = lab.simulator.ping(lab.from, ONE_PROBE);
    steps.steps += run.trace().size();
    return run;
  }

  private static void requireReply(PingRun run) {
    if (run.received() != 1) {
      throw new IllegalStateException(
          "the benchmark ping got no reply: "
              + run.outcomes()
              + (run.sendError() == null ? "" : ", send error " + run.sendError()));
    }
  }
}
