package io.packetwalk.trace;

import java.util.List;

/** An immutable, ordered list of steps, as one run of the engine produced them. */
public record Trace(List<Step> steps) {

  public Trace {
    steps = List.copyOf(steps);
  }

  public int size() {
    return steps.size();
  }
}
