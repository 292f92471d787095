package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The shared context of one simulator: virtual time, the event queue, the tracer, the per-run event
 * budget and the pipeline stages. Stages reach each other through it.
 */
final class Engine {

  /** Events one call may process before it is declared a storm. */
  static final int EVENT_BUDGET = 100_000;

  /** Frames one call may deliver before it is declared a storm. */
  static final int FRAME_BUDGET = 10_000;

  final World world;
  final EventQueue queue = new EventQueue();
  final Tracer tracer = new Tracer();
  final Captures captures = new Captures();
  final Sockets sockets = new Sockets();
  final PathMtuCache pathMtus = new PathMtuCache();
  final Links links;
  final Bridging bridging;
  final Pipeline pipeline;
  final InputRouting inputRouting;
  final OutputRouting outputRouting;
  final Neighbours neighbours;
  final ArpInput arp;
  final IcmpSender icmp;
  final LocalDelivery local;
  final Tcp tcp;

  private long nowNs;
  private int events;
  private int frames;
  private boolean stormed;
  private int nextPid = 1000;
  private int nextIpId = 1;

  Engine(World world) {
    this.world = world;
    this.nowNs = world.now();
    this.links = new Links(this);
    this.bridging = new Bridging(this);
    this.pipeline = new Pipeline(this);
    this.inputRouting = new InputRouting();
    this.outputRouting = new OutputRouting();
    this.neighbours = new Neighbours(this);
    this.arp = new ArpInput(this);
    this.icmp = new IcmpSender(this);
    this.local = new LocalDelivery(this);
    this.tcp = new Tcp(this);
  }

  /** The virtual time of the event being processed (or of the last one). */
  long now() {
    return nowNs;
  }

  /** A process id for a new ping or nc: deterministic, like PIDs on a fresh machine. */
  int nextPid() {
    return nextPid++;
  }

  /** The IPv4 identification for the next packet a kernel creates. */
  int nextIpId() {
    int id = nextIpId;
    nextIpId = (nextIpId + 1) & 0xffff;
    return id;
  }

  // ---- scheduling ----

  /** A frame arriving somewhere {@code delayNs} from now. */
  void frameAfter(long delayNs, Location where, Cause cause, Runnable action) {
    queue.schedule(nowNs + delayNs, EventQueue.Kind.FRAME, where, cause, action);
  }

  /** A timer firing {@code delayNs} from now; the returned event can be cancelled. */
  EventQueue.Event timerAfter(long delayNs, Location where, Cause cause, Runnable action) {
    return queue.schedule(nowNs + delayNs, EventQueue.Kind.TIMER, where, cause, action);
  }

  // ---- runs ----

  /** Starts a traced run at the current world time, after running anything already due. */
  void beginRun() {
    runBackground(world.now());
    resetBudget();
    nowNs = world.now();
    tracer.begin(nowNs);
  }

  Trace finishRun() {
    return tracer.finish();
  }

  /** Processes events in order until {@code stop} holds, the queue empties, or a storm. */
  void runUntil(BooleanSupplier stop) {
    while (!queue.isEmpty() && !stop.getAsBoolean() && !stormed) {
      dispatch(queue.poll());
    }
  }

  /** After a program exits: lets frames already in flight (and what they cause) arrive. */
  void drainFrames() {
    while (!queue.isEmpty() && queue.peek().kind() == EventQueue.Kind.FRAME && !stormed) {
      dispatch(queue.poll());
    }
  }

  /** Untraced processing of every event due by {@code limitNs} (time passing between runs). */
  void runBackground(long limitNs) {
    resetBudget();
    while (!queue.isEmpty() && queue.peek().timeNs() <= limitNs && !stormed) {
      dispatch(queue.poll());
    }
  }

  boolean stormed() {
    return stormed;
  }

  private void resetBudget() {
    events = 0;
    frames = 0;
    stormed = false;
  }

  private void dispatch(EventQueue.Event event) {
    nowNs = Math.max(nowNs, event.timeNs());
    if (nowNs > world.now()) {
      world.advanceTo(nowNs);
    }
    events++;
    if (event.kind() == EventQueue.Kind.FRAME) {
      frames++;
    }
    if (events > EVENT_BUDGET || frames > FRAME_BUDGET) {
      stormed = true;
      queue.dropFrames();
      tracer.record(
          event.cause(),
          nowNs,
          event.where(),
          StepKind.DROP,
          "The run has used its budget of "
              + (frames > FRAME_BUDGET ? FRAME_BUDGET + " frames" : EVENT_BUDGET + " events")
              + ": frames are still circulating (a broadcast storm or a loop), so the simulator"
              + " drops every frame in flight and stops here.",
          null,
          Disposition.STORM_BUDGET,
          List.of());
      return;
    }
    event.action().run();
  }

  // ---- trace helpers ----

  Cause step(Cause cause, Location where, StepKind kind, String sentence, Packet packet) {
    return tracer.record(cause, nowNs, where, kind, sentence, packet, null, List.of());
  }

  Cause step(
      Cause cause,
      Location where,
      StepKind kind,
      String sentence,
      Packet packet,
      List<StateChange> changes) {
    return tracer.record(cause, nowNs, where, kind, sentence, packet, null, changes);
  }

  /** The last step of a packet's life. */
  Cause end(
      Cause cause,
      Location where,
      StepKind kind,
      String sentence,
      Packet packet,
      Disposition disposition) {
    return tracer.record(cause, nowNs, where, kind, sentence, packet, disposition, List.of());
  }

  /** A drop: the packet ends here for the named reason. */
  Cause drop(Cause cause, Location where, String sentence, Packet packet, Disposition disposition) {
    return end(cause, where, StepKind.DROP, sentence, packet, disposition);
  }

  static Location at(NetNamespace ns) {
    return Location.of(ns.host().name(), ns.name());
  }

  static Location at(NetDevice dev) {
    return at(dev.netns()).withDevice(dev.name());
  }
}
