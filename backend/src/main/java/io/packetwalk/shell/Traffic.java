package io.packetwalk.shell;

import io.packetwalk.engine.CaptureRead;
import io.packetwalk.engine.Simulator;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.World;
import io.packetwalk.trace.Trace;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The session's link to the packet engine: the simulator that runs ping and nc and lets time pass,
 * how far each device's capture has been read by {@code tcpdump}, and the trace of the last traffic
 * command for the UI.
 */
public final class Traffic {

  private final Simulator simulator;
  private final Map<NetDevice, Long> captureCursor = new WeakHashMap<>();
  private Trace lastTrace;

  Traffic(World world) {
    this.simulator = new Simulator(world);
  }

  public Simulator simulator() {
    return simulator;
  }

  /** Lets {@code nanos} of virtual time pass: timers fire, FDB entries age. */
  public void sleep(long nanos) {
    simulator.advance(nanos);
  }

  /** Remembers the trace of a traffic command. */
  public void recordTrace(Trace trace) {
    this.lastTrace = trace;
  }

  /**
   * The frames that crossed {@code dev} since the last {@code tcpdump} on it (all those still kept
   * the first time), with how many were lost in between, and marks them read.
   */
  public CaptureRead unreadFrames(NetDevice dev) {
    CaptureRead read = simulator.capturedSince(dev, captureCursor.getOrDefault(dev, 0L));
    captureCursor.put(dev, read.nextSeq());
    return read;
  }

  Optional<Trace> lastTrace() {
    return Optional.ofNullable(lastTrace);
  }
}
