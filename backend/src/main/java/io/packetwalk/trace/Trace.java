package io.packetwalk.trace;

import java.util.List;

/**
 * An immutable, ordered list of steps, as one run of the engine produced them. {@code omittedSteps}
 * counts the steps the run took after its kept-step limit: they happened, but were not kept for the
 * player.
 */
public record Trace(List<Step> steps, int omittedSteps) {

  public Trace {
    steps = List.copyOf(steps);
    if (omittedSteps < 0) {
      throw new IllegalArgumentException("omittedSteps cannot be negative");
    }
  }

  /** A trace that kept every step. */
  public Trace(List<Step> steps) {
    this(steps, 0);
  }

  public int size() {
    return steps.size();
  }
}
