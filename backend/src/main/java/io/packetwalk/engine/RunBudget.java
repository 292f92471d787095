package io.packetwalk.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * What one run may still spend: packets its programs send, virtual time, processor time, and
 * whether its client is still there. The engine asks it before each packet and every few hundred
 * events; once a limit is reached the run ends and {@link #exhausted()} says which. Kept trace
 * steps are bounded separately by {@link #maxTraceSteps()}: steps past it are counted, not kept,
 * and do not end the run.
 */
public final class RunBudget {

  /** A limit that can end a run, with the words that say so. */
  public enum Limit {
    /** The run's programs sent as many packets as one run may. */
    PACKETS,
    /** The run let as much virtual time pass as one run may. */
    VIRTUAL_TIME,
    /** The run used as much processor time as one run may. */
    CPU_TIME,
    /** The run printed as much output as one run may. */
    OUTPUT,
    /** The client that asked for the run went away. */
    CANCELLED
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long maxPackets;
  private final int maxTraceSteps;
  private final long maxVirtualTimeNs;
  private final long maxCpuNs;
  private final BooleanSupplier cancelled;
  private final long cpuStartNs;
  private long virtualStartNs = -1;
  private long packets;
  private Limit exhausted;

  /** A budget starting now, on the calling thread. */
  public RunBudget(
      long maxPackets,
      int maxTraceSteps,
      long maxVirtualTimeNs,
      long maxCpuNs,
      BooleanSupplier cancelled) {
    this.maxPackets = maxPackets;
    this.maxTraceSteps = maxTraceSteps;
    this.maxVirtualTimeNs = maxVirtualTimeNs;
    this.maxCpuNs = maxCpuNs;
    this.cancelled = cancelled;
    this.cpuStartNs = cpuNow();
  }

  /** No limit but the engine's own storm detection: for tests and the engine alone. */
  public static RunBudget unlimited() {
    return new RunBudget(
        Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, () -> false);
  }

  public long maxPackets() {
    return maxPackets;
  }

  public int maxTraceSteps() {
    return maxTraceSteps;
  }

  public long maxVirtualTimeNs() {
    return maxVirtualTimeNs;
  }

  public long maxCpuNs() {
    return maxCpuNs;
  }

  /** Packets sent so far in this run. */
  public long packets() {
    return packets;
  }

  /** The limit that ended the run, or null while it may go on. */
  public Limit exhausted() {
    return exhausted;
  }

  /** Ends the run for {@code limit} (the first limit reached is the one reported). */
  public void exhaust(Limit limit) {
    if (exhausted == null) {
      exhausted = limit;
    }
  }

  /** Takes one packet from the budget; false (and the run ends) when none is left. */
  boolean takePacket() {
    if (exhausted != null) {
      return false;
    }
    if (packets >= maxPackets) {
      exhaust(Limit.PACKETS);
      return false;
    }
    packets++;
    return true;
  }

  /** The virtual time by which the run must end; the first call fixes where the run started. */
  long virtualDeadlineNs(long worldNowNs) {
    if (virtualStartNs < 0) {
      virtualStartNs = worldNowNs;
    }
    return saturatedAdd(virtualStartNs, maxVirtualTimeNs);
  }

  /** Checks processor time and the client, ending the run when either says so. */
  public void checkpoint() {
    if (exhausted != null) {
      return;
    }
    if (cancelled.getAsBoolean()) {
      exhaust(Limit.CANCELLED);
    } else if (maxCpuNs != Long.MAX_VALUE && cpuNow() - cpuStartNs > maxCpuNs) {
      exhaust(Limit.CPU_TIME);
    }
  }

  /**
   * Whether the engine must stop processing events: any limit but packets (running out of packets
   * only stops programs sending; what they already sent still arrives).
   */
  boolean haltsEngine() {
    return exhausted != null && exhausted != Limit.PACKETS;
  }

  /** {@code a + b} for non-negative values, or {@link Long#MAX_VALUE} when that overflows. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static long cpuNow() {
    if (THREADS.isCurrentThreadCpuTimeSupported()) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      if (cpu >= 0) {
        return cpu;
      }
    }
    return System.nanoTime();
  }
}
