package io.packetwalk.shell;

import io.packetwalk.engine.CapturedFrame;
import io.packetwalk.engine.Simulator;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.World;
import io.packetwalk.trace.Trace;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session's link to the packet engine: the simulator that runs ping and nc and lets time pass,
 * how far each device's capture has been read by {@code tcpdump}, and the trace of the last traffic
 * command for the UI.
 */
public final class Traffic {

  private final Simulator simulator;
  private final Map<NetDevice, Integer> captureCursor = new IdentityHashMap<>();
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
   * The frames that crossed {@code dev} since the last {@code tcpdump} on it (all of them the first
   * time), and marks them read.
   */
  public List<CapturedFrame> unreadFrames(NetDevice dev) {
    List<CapturedFrame> all = simulator.captured(dev.netns(), dev);
    int from = Math.min(captureCursor.getOrDefault(dev, 0), all.size());
    captureCursor.put(dev, all.size());
    return List.copyOf(all.subList(from, all.size()));
  }

  Optional<Trace> lastTrace() {
    return Optional.ofNullable(lastTrace);
  }
}
