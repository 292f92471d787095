package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import java.util.List;

/**
 * The packet engine of one {@link World}: runs ping and nc in virtual time, keeps listening sockets
 * and the capture log, and fires neighbour and bridge timers as time passes. Every call is
 * deterministic: the same world and the same calls give the same traces.
 */
public final class Simulator {

  private final World world;

  public Simulator(World world) {
    this.world = world;
  }

  public World world() {
    return world;
  }

  /** {@code ping} from {@code from}, run to completion in virtual time. */
  public PingRun ping(NetNamespace from, PingOptions options) {
    throw new IllegalStateException("engine under construction");
  }

  /** {@code nc -z [-u] -w S HOST PORT} from {@code from}, run to completion in virtual time. */
  public ConnectRun connect(NetNamespace from, ConnectOptions options) {
    throw new IllegalStateException("engine under construction");
  }

  /** {@code nc -l [-k] [-u] PORT &}: a listening socket on every address of {@code ns}. */
  public void listen(NetNamespace ns, L4Protocol protocol, int port, boolean keepOpen) {
    throw new IllegalStateException("engine under construction");
  }

  /** Frames that crossed {@code dev} so far, oldest first ({@code tcpdump -i DEV}). */
  public List<CapturedFrame> captured(NetNamespace ns, NetDevice dev) {
    return List.of();
  }

  /** Lets virtual time pass ({@code sleep}): neighbour timers fire, bridge FDB entries age. */
  public void advance(long nanos) {
    world.advanceTo(world.now() + nanos);
  }
}
