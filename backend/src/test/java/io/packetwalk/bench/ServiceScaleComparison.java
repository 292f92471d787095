package io.packetwalk.bench;

import io.packetwalk.net.packet.Ipv4Packet;
import java.util.Arrays;

/**
 * Issue 8's scale figure measured as a paired comparison: the first packet of a new connection
 * through nat PREROUTING to one of 1,024 Services in turn, with 10 Services and with 10,000, both
 * rulesets in one JVM, timed in alternating batches. Another tenant of the machine, a GC or a bad
 * page placement then slows both sides of a pair alike, so the median of the per-round ratios is
 * far steadier than two separate JMH forks (whose p50 wanders by ±25% on this shared machine).
 * {@link KubeProxyPacketBenchmark} measures the same packets with JMH's percentiles.
 *
 * <p>Run: {@code ./mvnw -q -B -pl backend -Pbench exec:exec@compare} (after {@code test-compile}).
 */
public final class ServiceScaleComparison {

  private static final int TARGETS = 1024;
  private static final int BATCH = 16 * TARGETS;
  private static final int WARMUP_ROUNDS = 200;
  private static final int ROUNDS = 400;

  private ServiceScaleComparison() {}

  /**
   * One side: {@link KubeProxyPacketBenchmark}'s namespace, ruleset and SYNs for {@code services}.
   */
  private static final class Side {

    final KubeProxyPacketBenchmark packets = new KubeProxyPacketBenchmark();
    long sink;

    Side(int services) {
      packets.services = services;
      packets.targets = TARGETS;
      packets.build();
    }

    /** Nanoseconds per packet over one batch. */
    double batch() {
      long start = System.nanoTime();
      for (int i = 0; i < BATCH; i++) {
        Ipv4Packet out = packets.firstPacketPrerouting();
        sink += out == null ? 0 : out.dst().bits();
      }
      return (System.nanoTime() - start) / (double) BATCH;
    }
  }

  public static void main(String[] args) {
    Side small = new Side(10);
    Side large = new Side(10_000);
    for (int r = 0; r < WARMUP_ROUNDS; r++) {
      small.batch();
      large.batch();
    }
    double[] smallNs = new double[ROUNDS];
    double[] largeNs = new double[ROUNDS];
    double[] ratios = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      if (r % 2 == 0) {
        smallNs[r] = small.batch();
        largeNs[r] = large.batch();
      } else {
        largeNs[r] = large.batch();
        smallNs[r] = small.batch();
      }
      ratios[r] = largeNs[r] / smallNs[r];
    }
    System.out.printf(
        "first packet through nat PREROUTING, 1,024 Services in turn, %d paired rounds of %d"
            + " packets:%n  10 Services: median %.0f ns%n  10,000 Services: median %.0f ns%n"
            + "  ratio per round: median %.2f, quartiles %.2f–%.2f%n  (checksum %d)%n",
        ROUNDS,
        BATCH,
        median(smallNs),
        median(largeNs),
        median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        small.sink + large.sink);
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }
}
