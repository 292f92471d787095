package io.packetwalk.shell;

import java.time.Duration;

/**
 * The limits one run works under: a script, one console command or one probe. Hitting one ends the
 * run with a stated outcome ("stopped after 5,000 packets: the per-run packet limit"); the tool's
 * own summary still describes exactly what was simulated.
 *
 * @param maxPackets packets the run's programs may send (ping probes, nc attempts, …)
 * @param maxTraceSteps trace steps kept for the player; later steps are counted, not kept
 * @param maxVirtualTimeNs virtual time the run may let pass (sleep, ping intervals, timeouts)
 * @param maxCpuNs processor time the run may use
 * @param maxOutputBytes bytes of standard output and error the run may print
 */
public record RunLimits(
    long maxPackets, int maxTraceSteps, long maxVirtualTimeNs, long maxCpuNs, long maxOutputBytes) {

  /** The defaults the server and the {@code run} command use unless configured otherwise. */
  public static final RunLimits DEFAULTS =
      new RunLimits(
          5_000,
          10_000,
          Duration.ofDays(1).toNanos(),
          Duration.ofSeconds(10).toNanos(),
          1024 * 1024);

  public RunLimits {
    if (maxPackets < 1
        || maxTraceSteps < 1
        || maxVirtualTimeNs < 1
        || maxCpuNs < 1
        || maxOutputBytes < 1) {
      throw new IllegalArgumentException("every run limit must be at least 1");
    }
  }
}
