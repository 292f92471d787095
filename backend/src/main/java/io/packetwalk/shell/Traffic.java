package io.packetwalk.shell;

import io.packetwalk.kernel.World;
import io.packetwalk.trace.Trace;
import java.util.Optional;

/**
 * The session's link to packet traffic: virtual time, and the trace of the last traffic command for
 * the UI.
 */
public final class Traffic {

  private final World world;
  private Trace lastTrace;

  Traffic(World world) {
    this.world = world;
  }

  /** Lets {@code nanos} of virtual time pass. */
  public void sleep(long nanos) {
    world.advanceTo(world.now() + nanos);
  }

  /** Remembers the trace of a traffic command. */
  public void recordTrace(Trace trace) {
    this.lastTrace = trace;
  }

  Optional<Trace> lastTrace() {
    return Optional.ofNullable(lastTrace);
  }
}
