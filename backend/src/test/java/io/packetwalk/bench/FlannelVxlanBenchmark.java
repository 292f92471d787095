package io.packetwalk.bench;

import io.packetwalk.engine.PingOptions;
import io.packetwalk.engine.PingRun;
import io.packetwalk.engine.Simulator;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.ShellSession;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flannel's VXLAN backend at size: {@link BenchLabs#flannelVxlan} with {@code hosts} hosts of
 * {@code pods} pods (100 × 10 by default: 1,100 namespaces, 38,001 command lines, 1.5 MB).
 *
 * <ul>
 *   <li>{@code build}: the world made from its script, line by line through the shell as a console
 *       or a lab's script feeds it, warmed-up JVM (ms per build). (A script sent to {@code run} or
 *       {@code /api/run} is capped at 1 MiB, so a lab this size is built in parts there.)
 *   <li>{@code podToPod}: one {@code ping -c 1} from host 1's pod 1 to the last host's last pod,
 *       neighbour caches warm: the echo request and reply each leave a pod, cross cni0, are wrapped
 *       by flannel.1, cross the underlay switch, are unwrapped and delivered. The primary score is
 *       pings per second; {@code steps} is trace steps per second.
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FlannelVxlanBenchmark {

  /** The lab's size; JMH injects the parameters into each state. */
  @State(Scope.Benchmark)
  public static class Size {
    @Param("100")
    public int hosts;

    @Param("10")
    public int pods;
  }

  /** The script, written once per trial. */
  @State(Scope.Benchmark)
  public static class Script {
    String text;

    @Setup(Level.Trial)
    public void write(Size size) {
      text = BenchLabs.flannelVxlan(size.hosts, size.pods);
      BenchLabs.build(text);
    }
  }

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

  /** One built world per trial, its caches warmed by a first ping. */
  @State(Scope.Thread)
  public static class Lab {
    Simulator simulator;
    NetNamespace from;
    PingOptions probe;

    @Setup(Level.Trial)
    public void build(Size size) {
      World world = BenchLabs.build(BenchLabs.flannelVxlan(size.hosts, size.pods)).world();
      simulator = new Simulator(world);
      from = BenchLabs.netns(world, BenchLabs.FLANNEL_FROM_HOST, "pod1");
      probe = PingOptions.of(Ipv4Address.parse("10.244." + size.hosts + "." + (size.pods + 1)), 1);
      requireReply(simulator.ping(from, probe));
      requireReply(simulator.ping(from, probe));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ShellSession build(Script script) {
    return BenchLabs.build(script.text);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public PingRun podToPod(Lab lab, Steps steps) {
    PingRun run = lab.simulator.ping(lab.from, lab.probe);
    steps.steps += run.trace().size();
    return run;
  }

  private static void requireReply(PingRun run) {
    if (run.received() != 1) {
      throw new IllegalStateException(
          "the pod-to-pod ping got no reply: "
              + run.outcomes()
              + (run.sendError() == null ? "" : ", send error " + run.sendError()));
    }
  }
}
