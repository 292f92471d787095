package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.util.List;
import java.util.function.Predicate;

/** Assertions about a trace in the words of the domain: dispositions and stages passed. */
final class TraceAssert {

  private final Trace trace;

  private TraceAssert(Trace trace) {
    this.trace = trace;
  }

  static TraceAssert assertThatTrace(Trace trace) {
    return new TraceAssert(trace);
  }

  TraceAssert hasDisposition(Disposition disposition) {
    assertThat(trace.steps())
        .as(() -> "dispositions in\n" + GoldenTrace.render(trace))
        .anyMatch(s -> s.disposition() == disposition);
    return this;
  }

  TraceAssert hasNoDisposition(Disposition disposition) {
    assertThat(trace.steps())
        .as(() -> "dispositions in\n" + GoldenTrace.render(trace))
        .noneMatch(s -> s.disposition() == disposition);
    return this;
  }

  TraceAssert passesThrough(StepKind kind) {
    assertThat(trace.steps())
        .as(() -> "step kinds in\n" + GoldenTrace.render(trace))
        .anyMatch(s -> s.kind() == kind);
    return this;
  }

  TraceAssert neverPassesThrough(StepKind kind) {
    assertThat(trace.steps())
        .as(() -> "step kinds in\n" + GoldenTrace.render(trace))
        .noneMatch(s -> s.kind() == kind);
    return this;
  }

  /** Some step of this kind in this namespace says {@code words}. */
  TraceAssert says(StepKind kind, String netns, String words) {
    assertThat(trace.steps())
        .as(() ->
            "a "
                + kind
                + " step in "
                + netns
                + " saying \""
                + words
                + "\" in\n"
                + GoldenTrace.render(trace))
        .anyMatch(s ->
            s.kind() == kind && s.location().netns().equals(netns) && s.sentence().contains(words));
    return this;
  }

  /** Every step's cause is an earlier step of the same trace. */
  TraceAssert isCausallyLinked() {
    for (Step step : trace.steps()) {
      if (step.causeSeq() != null) {
        assertThat(step.causeSeq()).as("cause of step %d", step.seq()).isLessThan(step.seq());
      }
    }
    return this;
  }

  List<Step> steps(Predicate<Step> which) {
    return trace.steps().stream().filter(which).toList();
  }
}
