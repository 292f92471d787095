package io.packetwalk.engine;

import io.packetwalk.engine.process.Agent;
import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.trace.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packet engine of one {@link World}: runs ping and nc in virtual time, keeps listening
 * sockets, learned path MTUs and the capture log, and fires neighbour and bridge timers as time
 * passes. Every call first runs whatever fell due since the last one (also when the world's clock
 * was moved directly). Same world and same calls give the same traces, byte for byte.
 */
public final class Simulator {

  private final Engine engine;
  private final Map<Integer, UserProcess> running = new LinkedHashMap<>();

  public Simulator(World world) {
    this.engine = new Engine(world);
  }

  public World world() {
    return engine.world;
  }

  /**
   * The budget the following calls spend, until another is given: packets, virtual time (counted
   * from now), processor time, kept trace steps and the client's presence.
   */
  public void useBudget(RunBudget budget) {
    engine.useBudget(budget);
  }

  /**
   * {@code ping} from {@code from}, run to completion in virtual time: the world's clock ends when
   * ping exits (plus the microseconds frames still in flight need to land).
   */
  public PingRun ping(NetNamespace from, PingOptions options) {
    engine.beginRun();
    PingProcess ping = new PingProcess(engine, from, options);
    Errno refused = ping.start();
    if (refused == null) {
      engine.runUntil(ping::exited);
      ping.exit();
      engine.drainFrames();
    }
    Trace trace = engine.finishRun();
    ageBridges();
    return new PingRun(ping.source(), ping.outcomes(), trace, refused, ping.elapsedNs());
  }

  /** {@code nc -z [-u] -w S HOST PORT} from {@code from}, run to completion in virtual time. */
  public ConnectRun connect(NetNamespace from, ConnectOptions options) {
    engine.beginRun();
    NcProcess nc = new NcProcess(engine, from, options);
    nc.start();
    engine.runUntil(nc::done);
    engine.drainFrames();
    Trace trace = engine.finishRun();
    ageBridges();
    boolean succeeded = nc.done() && nc.error() == null;
    return new ConnectRun(
        succeeded, trace, nc.done() ? nc.error() : Errno.ETIMEDOUT, nc.elapsedNs());
  }

  /**
   * {@code nc -l [-k] [-u] PORT &}: a listening socket on every address of {@code ns}. Without
   * {@code keepOpen} (-k) a TCP listener serves one connection, then nc exits. Returns false when
   * the port is already taken ("Address already in use").
   */
  public boolean listen(NetNamespace ns, L4Protocol protocol, int port, boolean keepOpen) {
    engine.runBackground(engine.world.now());
    return engine.sockets.listen(new Sockets.Listener(ns, protocol, port, keepOpen));
  }

  /**
   * Starts {@code agent} as a process in {@code ns}: it opens its descriptors, and whatever it
   * sends at once is traced until those packets (and what they cause) have landed. From then on its
   * handlers run whenever its descriptors are readable, in this and later runs.
   *
   * @throws KernelException when the agent's start fails (a port in use)
   */
  public ProcessRun spawn(NetNamespace ns, Agent agent) {
    engine.beginRun();
    UserProcess process = new UserProcess(engine, ns, agent, engine.nextPid());
    try {
      process.start();
    } catch (KernelException e) {
      // The program exits on the failed call; the kernel closes what it had opened.
      engine.sockets.closeAll(process);
      engine.finishRun();
      throw e;
    }
    running.put(process.pid(), process);
    engine.drainFrames();
    Trace trace = engine.finishRun();
    ageBridges();
    return new ProcessRun(process.pid(), trace);
  }

  /**
   * {@code kill PID}: the agent exits and the kernel closes what it had open (its TUN devices lose
   * their carrier; one it created goes away). False when no agent has that pid.
   */
  public boolean kill(int pid) {
    engine.runBackground(engine.world.now());
    UserProcess process = running.remove(pid);
    if (process == null) {
      return false;
    }
    engine.sockets.closeAll(process);
    return true;
  }

  /** The running agents' pids and names ("flanneld"), oldest first. */
  public Map<Integer, String> processes() {
    Map<Integer, String> names = new LinkedHashMap<>();
    running.forEach((pid, process) -> names.put(pid, process.name()));
    return names;
  }

  /** Frames that crossed {@code dev} (in {@code ns}) so far, oldest first ({@code tcpdump}). */
  public List<CapturedFrame> captured(NetNamespace ns, NetDevice dev) {
    if (dev.netns() != ns) {
      throw new IllegalArgumentException(dev.name() + " is not in " + ns.displayName());
    }
    engine.runBackground(engine.world.now());
    return engine.captures.of(dev);
  }

  /**
   * The frames that crossed {@code dev} from its {@code fromSeq}-th on ({@code tcpdump} after an
   * earlier one), with how many of those the world no longer keeps.
   */
  public CaptureRead capturedSince(NetDevice dev, long fromSeq) {
    engine.runBackground(engine.world.now());
    Captures.Read read = engine.captures.since(dev, fromSeq);
    return new CaptureRead(read.frames(), read.dropped(), read.nextSeq());
  }

  /** The path MTU {@code ns} learned toward {@code dst} from "fragmentation needed", if any. */
  public Optional<PathMtu> pathMtu(NetNamespace ns, Ipv4Address dst) {
    engine.runBackground(engine.world.now());
    return engine.pathMtus.lookup(ns, dst, engine.world.now());
  }

  /**
   * Lets virtual time pass ({@code sleep}): neighbour timers fire, bridge FDB entries age. {@code
   * advance(0)} only runs what is already due, e.g. after the world's clock was moved directly.
   */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("time cannot go back");
    }
    long target = RunBudget.saturatedAdd(engine.world.now(), nanos);
    if (target > engine.deadlineNs()) {
      target = engine.deadlineNs();
      engine.budget().exhaust(RunBudget.Limit.VIRTUAL_TIME);
    }
    engine.runBackground(target);
    engine.world.advanceTo(Math.max(target, engine.world.now()));
    ageBridges();
  }

  private void ageBridges() {
    for (Host host : engine.world.hosts()) {
      for (NetDevice bridge : host.devicesOf(DeviceKind.Bridge.class)) {
        bridge.bridge().age(engine.world.now());
      }
    }
  }
}
