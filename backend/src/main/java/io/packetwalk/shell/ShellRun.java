package io.packetwalk.shell;

import io.packetwalk.engine.RunBudget;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One run of the shell — a script, or one console command — and what it may still spend: the
 * engine's {@link RunBudget} (packets, virtual time, processor time, the client) and the bytes of
 * output it may print. Once a limit is reached, {@link #stopped()} says which, in words a user can
 * act on.
 */
public final class ShellRun {

  private final RunLimits limits;
  private final RunBudget budget;
  private long outputBytes;

  /** A run under {@code limits}; {@code cancelled} turning true means the client went away. */
  public ShellRun(RunLimits limits, BooleanSupplier cancelled) {
    this.limits = limits;
    this.budget =
        new RunBudget(
            limits.maxPackets(),
            limits.maxTraceSteps(),
            limits.maxVirtualTimeNs(),
            limits.maxCpuNs(),
            cancelled);
  }

  RunBudget budget() {
    return budget;
  }

  /** Whether a limit has ended the run. */
  public boolean isStopped() {
    return budget.exhausted() != null;
  }

  /** The part of {@code text} the run may still print (all of it while output is left). */
  String admitOutput(String text) {
    long left = limits.maxOutputBytes() - outputBytes;
    if (left <= 0) {
      budget.exhaust(RunBudget.Limit.OUTPUT);
      return "";
    }
    long size = utf8Length(text);
    if (size <= left) {
      outputBytes += size;
      return text;
    }
    int end = 0;
    long used = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + bytes > left) {
        break;
      }
      used += bytes;
      end += Character.charCount(cp);
    }
    outputBytes += used;
    budget.exhaust(RunBudget.Limit.OUTPUT);
    return text.substring(0, end);
  }

  /** The sentence that says which limit ended the run, or null while it may go on. */
  public String stopped() {
    RunBudget.Limit limit = budget.exhausted();
    if (limit == null) {
      return null;
    }
    return switch (limit) {
      case PACKETS ->
          "stopped after "
              + String.format(Locale.ROOT, "%,d", limits.maxPackets())
              + " packets: the per-run packet limit (packetwalk.limits.packets-per-run)";
      case VIRTUAL_TIME ->
          "stopped after "
              + duration(limits.maxVirtualTimeNs())
              + " of virtual time: the per-run virtual time limit"
              + " (packetwalk.limits.virtual-time-per-run)";
      case CPU_TIME ->
          "stopped after "
              + duration(limits.maxCpuNs())
              + " of processor time: the per-run CPU time limit"
              + " (packetwalk.limits.cpu-time-per-run)";
      case OUTPUT ->
          "stopped after "
              + String.format(Locale.ROOT, "%,d", limits.maxOutputBytes())
              + " bytes of output: the per-run output limit"
              + " (packetwalk.limits.output-bytes-per-run)";
      case CANCELLED -> "cancelled: the client went away";
    };
  }

  /** "1 day", "90 s", "250 ms": the largest whole unit. */
  static String duration(long nanos) {
    Duration d = Duration.ofNanos(nanos);
    if (d.toDaysPart() > 0 && d.minusDays(d.toDays()).isZero()) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHoursPart() > 0 && d.minusHours(d.toHours()).isZero()) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    if (d.toMillis() >= 1000 && d.minusSeconds(d.toSeconds()).isZero()) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
