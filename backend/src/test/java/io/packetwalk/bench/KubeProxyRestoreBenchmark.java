package io.packetwalk.bench;

import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.TableProgram;
import io.packetwalk.shell.netfilter.RestoreDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * iptables-restore of the kube-proxy ruleset {@link BenchLabs#kubeProxyRestore} ({@code services}
 * Services × 5 endpoints; 10,000 make 220,016 lines), one whole restore per sample.
 *
 * <ul>
 *   <li>{@code packetwalk}: our restore (parse, build, jump and loop checks, commit) into a fresh
 *       namespace's netfilter state.
 *   <li>{@code packetwalkThenProgram}: the same, then the nat table's program laid out, as the
 *       first packet after the restore lays it out ({@code TableProgram}).
 *   <li>{@code kernel}: the real {@code iptables-restore} (iptables-nft) of the same file into a
 *       throwaway network namespace {@code pwperf} of this machine, created before and deleted
 *       after each sample ({@code ip netns exec pwperf iptables-restore FILE}; the process start is
 *       part of the sample, as for anyone who runs it). Needs root and iptables; without them the
 *       sample fails and says so.
 * </ul>
 *
 * <p>Lines per second are the lines of the input divided by the sample's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 5)
@Measurement(iterations = 8)
public class KubeProxyRestoreBenchmark {

  private static final String NETNS = "pwperf";

  @Param("10000")
  public int services;

  private String input;
  private Path file;

  @Setup
  public void writeInput() throws IOException {
    input = BenchLabs.kubeProxyRestore(services, 5);
    file = Files.createTempFile("kube-proxy-", ".rules");
    Files.writeString(file, input);
    System.out.println(input.lines().count() + " lines, " + input.length() + " characters");
  }

  @TearDown
  public void removeInput() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The throwaway namespace of one kernel sample. */
  @State(Scope.Thread)
  public static class Netns {

    @Setup(Level.Invocation)
    public void add() throws IOException, InterruptedException {
      run(List.of("ip", "netns", "add", NETNS));
    }

    @TearDown(Level.Invocation)
    public void delete() throws IOException, InterruptedException {
      run(List.of("ip", "netns", "del", NETNS));
    }
  }

  @Benchmark
  public NetfilterState packetwalk() {
    NetfilterState state = new NetfilterState();
    RestoreDriver.restore(state, input);
    return state;
  }

  @Benchmark
  public TableProgram packetwalkThenProgram() {
    NetfilterState state = new NetfilterState();
    RestoreDriver.restore(state, input);
    return state.table(TableKind.NAT).program();
  }

  @Benchmark
  public int kernel(Netns netns) throws IOException, InterruptedException {
    return run(List.of("ip", "netns", "exec", NETNS, "iptables-restore", file.toString()));
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited " + status + ": " + output.strip());
    }
    return status;
  }
}
