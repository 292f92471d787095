package io.packetwalk.stream;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
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
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's lab: a shell over its own world, built from a {@link BuiltInLab}, answering pings
 * with streamed traces and commands with their output and what changed in the topology. Every
 * simulation runs in a slot of {@link SimulationSlots} within the run limits; a trace is streamed
 * once the slot is free again and then forgotten. Its methods take the lab's lock: after a resume,
 * the connection that held the lab before may still be finishing a message.
 */
final class LabSession {

  private static final Logger log = LoggerFactory.getLogger(LabSession.class);

  private final BuiltInLab lab;
  private final ShellSession shell;
  private TopologyView shown;
  private long footprint;
  private int lineNumber;

  /** Builds the lab's world; fails when a line of the lab script fails. */
  LabSession(BuiltInLab lab) {
    this.lab = lab;
    this.shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    for (String line : lab.script().lines().toList()) {
      CommandOutcome outcome = shell.execute(root, line, ++lineNumber);
      if (outcome.exit() != 0) {
        throw new IllegalStateException(
            "The built-in lab \""
                + lab.name()
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
    shown = TopologyMapper.snapshot(shell.world());
    footprint = LabFootprint.of(shell.world());
  }

  World world() {
    return shell.world();
  }

  /** The lab's shell, for tests that look at what it keeps. */
  ShellSession shell() {
    return shell;
  }

  String name() {
    return lab.name();
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
    String rid = ping.requestId();
    out.accept(
        new TraceStart(
            rid, "ping -c " + ping.count() + " " + ping.to() + " from " + from.displayName()));
    Trace trace = simulated.trace();
    trace.steps().forEach(step -> out.accept(new TraceStep(rid, StepMapper.view(step))));
    CommandOutcome outcome = simulated.outcome();
    out.accept(
        new TraceEnd(
            rid,
            trace.size(),
            trace.omittedSteps(),
            pingOutcome(outcome),
            outcome.exit(),
            outcome.stopped()));
  }

  /** Runs a command in a slot; answers with its result, then what it changed in the topology. */
  synchronized void command(Command command, Run run, Consumer<ServerMessage> out) {
    NetNamespace ns = resolve(command.requestId(), command.netns());
    CommandOutcome outcome = simulate(command.requestId(), ns, command.line(), run).outcome();
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
  }

  private record Simulated(CommandOutcome outcome, Trace trace) {}

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
            return new Simulated(outcome, shell.takeLastTrace().orElse(new Trace(List.of())));
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
   * ping's statistics line without its wall-clock part ({@code 1 packets transmitted, 1 received,
   * 0% packet loss}), else its first error line.
   */
  static String pingOutcome(CommandOutcome outcome) {
    return outcome
        .stdout()
        .lines()
        .filter(line -> line.contains("packets transmitted"))
        .map(line -> line.replaceFirst(", time \\d+ms$", "").strip())
        .findFirst()
        .or(() -> outcome.stderr().lines().filter(line -> !line.isBlank()).findFirst())
        .map(String::strip)
        .orElse("ping exited with status " + outcome.exit() + ".");
  }
}
