package io.packetwalk.stream;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabPosition;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabValueException;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ScriptLine;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ShellRun;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.Inspect;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceState;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.system.ServerBusyException;
import io.packetwalk.system.SimulationSlots;
import io.packetwalk.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's lab: a shell over its own world, built from a {@link BuiltInLab}, answering pings
 * with streamed traces and commands with their output, what changed in the topology and, when they
 * sent packets, their streamed trace. Every simulation runs in a slot of {@link SimulationSlots}
 * within the run limits; a trace is streamed once the slot is free again and then forgotten. Its
 * methods take the lab's lock: after a resume, the connection that held the lab before may still be
 * finishing a message.
 */
final class LabSession {

  private static final Logger log = LoggerFactory.getLogger(LabSession.class);

  private final String name;
  private final LabDocument saved;
  private final boolean readOnly;

  /** Replaced by a rebuilt one when an edit's batch has to be rolled back. */
  private volatile ShellSession shell;

  /** Where the person put namespace boxes, as the lab document keeps them, by "host/netns". */
  private final Map<String, LabPosition> layout = new LinkedHashMap<>();

  /** The probes saved with the lab: from its document, then as the tab last saved them. */
  private List<LabProbe> probes = List.of();

  private TopologyView shown;
  private long footprint;
  private int lineNumber;

  /** Builds the lab's world; fails when a line of the lab script fails. */
  LabSession(BuiltInLab lab) {
    this.name = lab.name();
    this.saved = null;
    this.readOnly = false;
    this.shell = new ShellSession(World.withOneHost());
    for (ScriptLine line : ScriptParser.parseScript(lab.script())) {
      lineNumber = line.line();
      CommandOutcome outcome = shell.execute(shell.currentHost().root(), line.text(), lineNumber);
      if (outcome.exit() != 0) {
        throw new IllegalStateException(
            "The built-in lab \""
                + name
                + "\" failed at line "
                + lineNumber
                + " ("
                + outcome.cmd()
                + "), exit "
                + outcome.exit()
                + ": "
                + outcome.stderr().strip());
      }
    }
    lineNumber = (int) lab.script().lines().count();
    probes = lab.probes();
    shown = TopologyMapper.snapshot(shell.world());
    footprint = LabFootprint.of(shell.world());
  }

  /**
   * A saved lab: {@code world} was built from {@code document}, whose name, notes and layout the
   * lab keeps; a read-only lab (opened by a view link) refuses commands.
   */
  LabSession(LabDocument document, World world, boolean readOnly) {
    this.name = document.name();
    this.saved = document;
    this.readOnly = readOnly;
    this.shell = new ShellSession(world);
    for (LabPosition position : document.layout()) {
      layout.put(position.host() + "/" + position.netns(), position);
    }
    this.probes = document.probes();
    shown = TopologyMapper.snapshot(world);
    footprint = LabFootprint.of(world);
  }

  boolean readOnly() {
    return readOnly;
  }

  /**
   * The lab as it is now, as a lab document: a saved lab keeps its description and notes, and the
   * layout holds the boxes the person placed whose namespaces still exist.
   */
  synchronized LabDocument document() {
    LabDocument now =
        saved == null
            ? WorldSnapshot.document(shell.world(), name)
            : WorldSnapshot.refresh(saved, shell.world());
    List<LabPosition> placed = new ArrayList<>();
    for (LabPosition position : layout.values()) {
      if (exists(position.host(), position.netns())) {
        placed.add(position);
      }
    }
    List<LabProbe> kept = new ArrayList<>();
    for (LabProbe probe : probes) {
      if (exists(probe.host(), probe.netns())) {
        kept.add(probe);
      }
    }
    return now.withLayout(placed).withProbes(kept);
  }

  private boolean exists(String hostName, String netns) {
    return shell.world().host(hostName).flatMap(host -> host.netns(netns)).isPresent();
  }

  /** The probes saved with the lab (those whose namespace is gone are left out when saving). */
  synchronized List<LabProbe> probes() {
    return probes;
  }

  /** Keeps {@code saved} as the lab's probes, replacing the ones kept so far. */
  synchronized void keepProbes(List<LabProbe> saved) {
    probes = List.copyOf(saved);
  }

  World world() {
    return shell.world();
  }

  /** The lab's shell, for tests that look at what it keeps. */
  ShellSession shell() {
    return shell;
  }

  String name() {
    return name;
  }

  /** The topology as the browser was last told it. */
  synchronized TopologyView topology() {
    return shown;
  }

  /** Kernel objects the lab holds, as of its last command. */
  synchronized long footprint() {
    return footprint;
  }

  /** What one request may spend, and how to tell that its client went away. */
  record Run(SimulationSlots slots, RunLimits limits, BooleanSupplier cancelled) {}

  /** Pings in a slot, then streams the trace: start, each kept step, end. */
  synchronized void ping(Ping ping, Run run, Consumer<ServerMessage> out) {
    NetNamespace from = resolve(ping.requestId(), ping.from());
    String line = "ping -c " + ping.count() + " -W 1 " + ping.to();
    Simulated simulated = simulate(ping.requestId(), from, line, run);
    stream(
        ping.requestId(),
        "ping -c " + ping.count() + " " + ping.to() + " from " + from.displayName(),
        simulated.trace(),
        traceOutcome(simulated.outcome(), "ping"),
        simulated.outcome(),
        out);
  }

  /**
   * Runs a command in a slot; answers with its result, then what it changed in the topology, then,
   * when it sent packets (ping, nc, also under {@code ip netns exec}), their trace as a ping's.
   */
  synchronized void command(Command command, Run run, Consumer<ServerMessage> out) {
    NetNamespace ns = resolve(command.requestId(), command.netns());
    shell.use(ns.host());
    Simulated simulated = simulate(command.requestId(), ns, command.line(), run);
    CommandOutcome outcome = simulated.outcome();
    out.accept(
        new CommandResult(
            command.requestId(),
            outcome.exit(),
            outcome.stdout(),
            outcome.stderr(),
            outcome.stopped()));
    TopologyView now = TopologyMapper.snapshot(shell.world());
    TopologyChange change = TopologyChanges.between(shown, now);
    shown = now;
    footprint = LabFootprint.of(shell.world());
    if (!change.isEmpty()) {
      out.accept(change);
    }
    simulated
        .sent()
        .ifPresent(trace ->
            stream(
                command.requestId(),
                commandTitle(command.line(), ns),
                trace,
                traceOutcome(outcome, "The command"),
                outcome,
                out));
  }

  /**
   * Carries out a canvas edit as one batch ({@link EditBatch}): answers with its result and, when
   * it was applied and changed the topology, what changed.
   */
  synchronized void edit(Edit edit, Run run, Consumer<ServerMessage> out) {
    EditBatch.Done done;
    try {
      done =
          run.slots()
              .run(() -> {
                int first = lineNumber + 1;
                lineNumber += edit.commands().size();
                return new EditBatch(edit, new ShellRun(run.limits(), run.cancelled()))
                    .apply(shell, name, first);
              });
    } catch (ServerBusyException e) {
      throw new ProtocolException(edit.requestId(), ErrorReason.SERVER_BUSY, e.getMessage());
    }
    shell = done.shell();
    out.accept(done.result());
    TopologyView now = TopologyMapper.snapshot(shell.world());
    TopologyChange change = TopologyChanges.between(shown, now);
    shown = now;
    footprint = LabFootprint.of(shell.world());
    if (!change.isEmpty()) {
      out.accept(change);
    }
  }

  /**
   * Keeps where the person put namespace boxes; refuses a position with a name no namespace can
   * have, and more positions than a lab may hold.
   */
  synchronized void place(Place place) {
    Map<String, LabPosition> next = new LinkedHashMap<>(layout);
    for (Position position : place.positions()) {
      try {
        LabPosition kept =
            new LabPosition(position.host(), position.netns(), position.x(), position.y());
        next.put(position.host() + "/" + position.netns(), kept);
      } catch (LabValueException e) {
        throw new ProtocolException(
            null, ErrorReason.INVALID_FIELD, "A position was refused: " + e.getMessage() + ".");
      }
    }
    if (next.size() > Place.MAX_POSITIONS) {
      throw new ProtocolException(
          null,
          ErrorReason.LAB_TOO_LARGE,
          "A lab keeps at most " + Place.MAX_POSITIONS + " box positions; these were not kept.");
    }
    layout.clear();
    layout.putAll(next);
  }

  /**
   * Where the person put namespace boxes, in the order first placed (the lab document's layout).
   */
  synchronized List<LabPosition> layout() {
    return new ArrayList<>(layout.values());
  }

  /** The namespace's state tables as they are now (a read: nothing changes, no slot is needed). */
  synchronized NamespaceState inspect(Inspect inspect) {
    return NamespaceStates.of(inspect.requestId(), resolve(inspect.requestId(), inspect.netns()));
  }

  /** Streams a trace: its start, each kept step, its end. */
  private static void stream(
      String rid,
      String title,
      Trace trace,
      String sentence,
      CommandOutcome outcome,
      Consumer<ServerMessage> out) {
    out.accept(new TraceStart(rid, title));
    trace.steps().forEach(step -> out.accept(new TraceStep(rid, StepMapper.view(step))));
    out.accept(
        new TraceEnd(
            rid, trace.size(), trace.omittedSteps(), sentence, outcome.exit(), outcome.stopped()));
  }

  /**
   * A typed command's trace title: its first line (a here-document's body is not part of it), and
   * where it ran ({@code ip netns exec ns1 nc -z 10.0.0.2 80 in host1 (root)}).
   */
  static String commandTitle(String line, NetNamespace ns) {
    String first = line.lines().findFirst().orElse("").strip();
    return first + " in " + ns.displayName();
  }

  /** What a run printed, and the trace of the packets it sent, if it ran ping or nc. */
  private record Simulated(CommandOutcome outcome, Optional<Trace> sent) {

    /** The trace, empty when the command sent nothing. */
    Trace trace() {
      return sent.orElse(new Trace(List.of()));
    }
  }

  private Simulated simulate(String requestId, NetNamespace ns, String line, Run run) {
    try {
      return simulateInSlot(requestId, ns, line, run);
    } catch (ServerBusyException e) {
      throw new ProtocolException(requestId, ErrorReason.SERVER_BUSY, e.getMessage());
    }
  }

  private Simulated simulateInSlot(String requestId, NetNamespace ns, String line, Run run) {
    return run.slots()
        .run(() -> {
          try {
            CommandOutcome outcome =
                shell.execute(ns, line, ++lineNumber, run.limits(), run.cancelled());
            return new Simulated(outcome, shell.takeLastTrace());
          } catch (RuntimeException e) {
            log.warn("The simulator failed on \"{}\" in {}: {}", line, ns, e.toString());
            throw new ProtocolException(
                requestId,
                ErrorReason.SIMULATION_FAILED,
                "The simulator failed while running \""
                    + line
                    + "\" in "
                    + ns.displayName()
                    + " ("
                    + e
                    + "); the server log has the details.");
          }
        });
  }

  private NetNamespace resolve(String requestId, NamespaceRef ref) {
    World world = shell.world();
    Host host =
        world
            .host(ref.host())
            .orElseThrow(() ->
                new ProtocolException(
                    requestId,
                    ErrorReason.UNKNOWN_NAMESPACE,
                    "This lab has no host \""
                        + ref.host()
                        + "\"; its hosts are: "
                        + world.hosts().stream().map(Host::name).collect(Collectors.joining(", "))
                        + "."));
    return host.netns(ref.netns())
        .orElseThrow(() ->
            new ProtocolException(
                requestId,
                ErrorReason.UNKNOWN_NAMESPACE,
                "Host \""
                    + host.name()
                    + "\" has no namespace \""
                    + ref.netns()
                    + "\"; its namespaces are: "
                    + host.namespaces().stream()
                        .map(ns -> ns.isRoot() ? "\"\" (the root namespace)" : ns.name())
                        .collect(Collectors.joining(", "))
                    + "."));
  }

  /**
   * A trace's outcome sentence: ping's statistics line without its wall-clock part ({@code 1
   * packets transmitted, 1 received, 0% packet loss}), else the first line of its errors, else of
   * its output (nc -v says {@code Connection to 10.0.0.2 80 port [tcp/http] succeeded!} on stderr),
   * else {@code <who> exited with status N.}
   */
  static String traceOutcome(CommandOutcome outcome, String who) {
    return outcome
        .stdout()
        .lines()
        .filter(line -> line.contains("packets transmitted"))
        .map(line -> line.replaceFirst(", time \\d+ms$", "").strip())
        .findFirst()
        .or(() -> firstLine(outcome.stderr()))
        .or(() -> firstLine(outcome.stdout()))
        .orElse(who + " exited with status " + outcome.exit() + ".");
  }

  private static Optional<String> firstLine(String text) {
    return text.lines().filter(line -> !line.isBlank()).findFirst().map(String::strip);
  }
}
