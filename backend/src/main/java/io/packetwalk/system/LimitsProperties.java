package io.packetwalk.system;

import io.packetwalk.shell.RunLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code packetwalk.limits.*}: the per-run limits (see {@link RunLimits}) and how many simulations
 * run at once server-wide, in the interactive lane (commands, probes) and the script lane.
 * Documented in {@code docs/limits.md}.
 */
@ConfigurationProperties("packetwalk.limits")
public record LimitsProperties(
    @DefaultValue("5000") long packetsPerRun,
    @DefaultValue("10000") int traceStepsPerRun,
    @DefaultValue("1d") Duration virtualTimePerRun,
    @DefaultValue("10s") Duration cpuTimePerRun,
    @DefaultValue("1048576") long outputBytesPerRun,
    @DefaultValue("2") int concurrentRuns,
    @DefaultValue("256") int queuedRuns,
    @DefaultValue("1") int concurrentScripts,
    @DefaultValue("16") int queuedScripts,
    @DefaultValue("30s") Duration queueWait) {

  /** The per-run limits as the simulator core takes them. */
  public RunLimits runLimits() {
    return new RunLimits(
        packetsPerRun,
        traceStepsPerRun,
        virtualTimePerRun.toNanos(),
        cpuTimePerRun.toNanos(),
        outputBytesPerRun);
  }
}
