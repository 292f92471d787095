package io.packetwalk.bench;

import io.packetwalk.kernel.Fib;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * Route lookup in a namespace with {@code routes} /24 routes plus a default route ({@link
 * BenchLabs#routeTable}): {@code fibLookup} is the kernel's {@link Fib#lookup(Ipv4Address)} alone,
 * {@code ipRouteGet} the whole {@code ip route get ADDRESS} command through the shell (parse,
 * lookup, source selection, output). Destinations cycle through a fixed pseudo-random set: one in
 * sixteen matches only the default route, the rest match one of the /24 routes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RouteLookupBenchmark {

  private static final int DESTINATIONS = 1024;

  @Param("10000")
  public int routes;

  private ShellSession shell;
  private NetNamespace root;
  private final Ipv4Address[] destinations = new Ipv4Address[DESTINATIONS];
  private final String[] commands = new String[DESTINATIONS];
  private int next;

  @Setup
  public void build() {
    shell = BenchLabs.build(BenchLabs.routeTable(routes));
    root = shell.world().defaultHost().root();
    SplittableRandom random = new SplittableRandom(DESTINATIONS);
    for (int i = 0; i < DESTINATIONS; i++) {
      int host = 1 + random.nextInt(254);
      Ipv4Address destination;
      if (i % 16 == 0 || routes == 0) {
        destination = Ipv4Address.of(172, 16, random.nextInt(256), host);
      } else {
        int route = random.nextInt(routes);
        destination = Ipv4Address.of(10, route / 256, route % 256, host);
      }
      destinations[i] = destination;
      commands[i] = "ip route get " + destination;
    }
    CommandOutcome probe = shell.execute(root, commands[1], 1);
    BenchLabs.requireSuccess(List.of(probe));
    // A full collection lays the live routes out in list order, as the collections of a running
    // server soon would. Without it the 10,000 routes stay scattered among the garbage the script
    // left behind, and a lookup (a scan of the whole table) runs four to five times slower.
    System.gc();
  }

  @Benchmark
  public Optional<Route> fibLookup() {
    return root.fib().lookup(destinations[nextIndex()]);
  }

  @Benchmark
  public CommandOutcome ipRouteGet() {
    return shell.execute(root, commands[nextIndex()], 1);
  }

  private int nextIndex() {
    int index = next;
    next = (index + 1) & (DESTINATIONS - 1);
    return index;
  }
}
