package io.packetwalk.engine;

import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the steps of the current run. Work done between runs (timers firing while time passes)
 * still gets causes, but its steps are not kept: nobody asked to watch it.
 */
final class Tracer {

  private final List<Step> steps = new ArrayList<>();
  private int run;
  private boolean recording;
  private long runStartNs;
  private int nextSeq;
  private int maxKept = Integer.MAX_VALUE;
  private int omitted;

  /** The cause every unrecorded step of this run gives (one object, not one per step). */
  private Cause unrecorded = new Cause(0, 0);

  /** Keeps at most {@code steps} steps of each run from now on; later ones are only counted. */
  void keepAtMost(int steps) {
    this.maxKept = steps;
  }

  /** Whether steps are being kept: the sentences of a step are worth building. */
  boolean recording() {
    return recording && steps.size() < maxKept;
  }

  /** Starts a new run at {@code startNs}; causes from earlier runs no longer resolve. */
  void begin(long startNs) {
    run++;
    unrecorded = new Cause(run, 0);
    recording = true;
    runStartNs = startNs;
    nextSeq = 1;
    omitted = 0;
    steps.clear();
  }

  /** Ends the run and hands out its steps. */
  Trace finish() {
    Trace trace = new Trace(steps, omitted);
    steps.clear();
    recording = false;
    run++;
    unrecorded = new Cause(run, 0);
    return trace;
  }

  Cause record(
      Cause cause,
      long nowNs,
      Location where,
      StepKind kind,
      String sentence,
      Packet packet,
      Disposition disposition,
      List<StateChange> changes) {
    return record(cause, nowNs, where, kind, sentence, packet, disposition, changes, List.of());
  }

  Cause record(
      Cause cause,
      long nowNs,
      Location where,
      StepKind kind,
      String sentence,
      Packet packet,
      Disposition disposition,
      List<StateChange> changes,
      List<String> details) {
    if (!recording) {
      return unrecorded;
    }
    int seq = nextSeq++;
    if (steps.size() >= maxKept) {
      omitted++;
      return new Cause(run, seq);
    }
    Integer causeSeq = cause != null && cause.run() == run && cause.seq() > 0 ? cause.seq() : null;
    steps.add(
        new Step(
            seq,
            causeSeq,
            nowNs - runStartNs,
            where,
            kind,
            sentence,
            packet,
            disposition,
            changes,
            details));
    return new Cause(run, seq);
  }
}
