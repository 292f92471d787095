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

  /** Events one call may process, beyond its packets' allowance, before it is declared a storm. */
  static final int EVENT_BUDGET = 100_000;

  /** Frames one call may deliver, beyond its packets' allowance, before it is declared a storm. */
  static final int FRAME_BUDGET = 10_000;

  /**
   * Frames (and ten times as many events) each packet a program sends may cause before the call is
   * declared a storm: a long ping is not a loop, a broadcast storm outgrows any allowance.
   */
  static final int FRAMES_PER_PACKET = 64;

  /** Events between two checks of the run's processor time and client. */
  private static final int CHECKPOINT_EVERY = 256;

  final World world;
  final EventQueue queue = new EventQueue();
  final Tracer tracer = new Tracer();
  final Captures captures = new Captures();
  final Sockets sockets = new Sockets();
  final PathMtuCache pathMtus = new PathMtuCache();
  final Links links;
  final Bridging bridging;
  final Macvlans macvlans;
  final Vlans vlans;
  final Ipvlans ipvlans;
  final Pipeline pipeline;
  final InputRouting inputRouting;
  final OutputRouting outputRouting;
  final Neighbours neighbours;
  final ArpInput arp;
  final IcmpSender icmp;
  final LocalDelivery local;
  final Tcp tcp;
  final NetfilterHooks netfilter;
  final VxlanTunnel vxlan;
  final TunDriver tun;

  private long nowNs;
  private int events;
  private int frames;
  private boolean stormed;
  private long packetsAtCallStart;
  private RunBudget budget = RunBudget.unlimited();
  private int nextPid = 1000;
  private int nextIpId = 1;

  Engine(World world) {
    this.world = world;
    this.nowNs = world.now();
    this.links = new Links(this);
    this.bridging = new Bridging(this);
    this.macvlans = new Macvlans(this);
    this.vlans = new Vlans(this);
    this.ipvlans = new Ipvlans(this);
    this.pipeline = new Pipeline(this);
    this.inputRouting = new InputRouting();
    this.outputRouting = new OutputRouting();
    this.neighbours = new Neighbours(this);
    this.arp = new ArpInput(this);
    this.icmp = new IcmpSender(this);
    this.local = new LocalDelivery(this);
    this.tcp = new Tcp(this);
    this.netfilter = new NetfilterHooks(this);
    this.vxlan = new VxlanTunnel(this);
    this.tun = new TunDriver(this);
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
    queue.schedule(
        RunBudget.saturatedAdd(nowNs, delayNs), EventQueue.Kind.FRAME, where, cause, action);
  }

  /**
   * A timer firing {@code delayNs} from now (at the end of time if that overflows); the returned
   * event can be cancelled.
   */
  EventQueue.Event timerAfter(long delayNs, Location where, Cause cause, Runnable action) {
    return queue.schedule(
        RunBudget.saturatedAdd(nowNs, delayNs), EventQueue.Kind.TIMER, where, cause, action);
  }

  // ---- the run's budget ----

  /** The budget the following calls spend; its virtual time starts now. */
  void useBudget(RunBudget budget) {
    this.budget = budget;
    budget.virtualDeadlineNs(world.now());
    tracer.keepAtMost(budget.maxTraceSteps());
  }

  RunBudget budget() {
    return budget;
  }

  /** Takes a packet from the run's budget for a program about to send one. */
  boolean takePacket() {
    return budget.takePacket();
  }

  /** The virtual time the current run must not pass. */
  long deadlineNs() {
    return budget.virtualDeadlineNs(world.now());
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

  /**
   * Processes events in order until {@code stop} holds, the queue empties, a storm, or the run's
   * budget ends it (the next event lies past its virtual time, or a limit was reached).
   */
  void runUntil(BooleanSupplier stop) {
    while (!queue.isEmpty() && !stop.getAsBoolean() && !stormed && withinBudget()) {
      dispatch(queue.poll());
    }
  }

  /** After a program exits: lets frames already in flight (and what they cause) arrive. */
  void drainFrames() {
    while (!queue.isEmpty()
        && queue.peek().kind() == EventQueue.Kind.FRAME
        && !stormed
        && withinBudget()) {
      dispatch(queue.poll());
    }
  }

  /** Untraced processing of every event due by {@code limitNs} (time passing between runs). */
  void runBackground(long limitNs) {
    resetBudget();
    while (!queue.isEmpty() && queue.peek().timeNs() <= limitNs && !stormed && !haltedByBudget()) {
      dispatch(queue.poll());
    }
  }

  /** Whether the next event may run: before the run's virtual deadline and within its limits. */
  private boolean withinBudget() {
    if (queue.peek().timeNs() > deadlineNs()) {
      budget.exhaust(RunBudget.Limit.VIRTUAL_TIME);
      return false;
    }
    return !haltedByBudget();
  }

  /** Whether a limit other than packets ended the run (checked every few hundred events). */
  private boolean haltedByBudget() {
    if (events % CHECKPOINT_EVERY == 0) {
      budget.checkpoint();
    }
    return budget.haltsEngine();
  }

  boolean stormed() {
    return stormed;
  }

  private void resetBudget() {
    events = 0;
    frames = 0;
    stormed = false;
    packetsAtCallStart = budget.packets();
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
    long allowance = (budget.packets() - packetsAtCallStart) * FRAMES_PER_PACKET;
    if (events > EVENT_BUDGET + 10 * allowance || frames > FRAME_BUDGET + allowance) {
      stormed = true;
      queue.dropFrames();
      tracer.record(
          event.cause(),
          nowNs,
          event.where(),
          StepKind.DROP,
          "The run has used its budget of "
              + (frames > FRAME_BUDGET + allowance
                  ? FRAME_BUDGET + allowance + " frames"
                  : EVENT_BUDGET + 10 * allowance + " events")
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
