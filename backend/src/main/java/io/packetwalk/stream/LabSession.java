package io.packetwalk.stream;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.Protocol;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.Hello;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.Protocol.Welcome;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's lab: a shell over its own world, built from a {@link BuiltInLab}, answering one
 * client message at a time. Not thread-safe; its {@link LabConnection} calls it from one thread at
 * a time.
 */
final class LabSession {

  /** The most steps one trace may stream. */
  static final int MAX_TRACE_STEPS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(LabSession.class);

  private final BuiltInLab lab;
  private final int maxTraceSteps;
  private final ShellSession shell;
  private int lineNumber;

  /** Builds the lab's world; fails when a line of the lab script fails. */
  LabSession(BuiltInLab lab) {
    this(lab, MAX_TRACE_STEPS);
  }

  /** As {@link #LabSession(BuiltInLab)}, streaming at most {@code maxTraceSteps} per trace. */
  LabSession(BuiltInLab lab, int maxTraceSteps) {
    this.lab = lab;
    this.maxTraceSteps = maxTraceSteps;
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
  }

  World world() {
    return shell.world();
  }

  /** Answers one message; {@code out} receives the answers in order. */
  void handle(ClientMessage message, Consumer<ServerMessage> out) {
    switch (message) {
      case Hello h -> out.accept(new Welcome(Protocol.VERSION, lab.name(), topology()));
      case Ping p -> ping(p, out);
      case Command c -> command(c, out);
    }
  }

  private TopologyView topology() {
    return TopologyMapper.snapshot(shell.world());
  }

  private void ping(Ping ping, Consumer<ServerMessage> out) {
    NetNamespace from = resolve(ping.requestId(), ping.from());
    String line = "ping -c " + ping.count() + " -W 1 " + ping.to();
    Trace before = shell.lastTrace().orElse(null);
    CommandOutcome outcome = execute(ping.requestId(), from, line);
    Trace after = shell.lastTrace().orElse(null);
    List<Step> steps = after == null || after == before ? List.of() : after.steps();
    if (steps.size() > maxTraceSteps) {
      throw new ProtocolException(
          ping.requestId(),
          ErrorReason.SIMULATION_FAILED,
          "The ping produced "
              + steps.size()
              + " trace steps, more than the "
              + maxTraceSteps
              + " one trace may stream; ping fewer times or remove the loop from the lab.");
    }
    String rid = ping.requestId();
    out.accept(
        new TraceStart(
            rid, "ping -c " + ping.count() + " " + ping.to() + " from " + from.displayName()));
    steps.forEach(step -> out.accept(new TraceStep(rid, StepMapper.view(step))));
    out.accept(new TraceEnd(rid, steps.size(), pingOutcome(outcome), outcome.exit()));
  }

  private void command(Command command, Consumer<ServerMessage> out) {
    NetNamespace ns = resolve(command.requestId(), command.netns());
    TopologyView before = topology();
    try {
      CommandOutcome outcome = execute(command.requestId(), ns, command.line());
      out.accept(
          new CommandResult(
              command.requestId(), outcome.exit(), outcome.stdout(), outcome.stderr()));
    } catch (ProtocolException e) {
      out.accept(e.error());
    }
    TopologyView after = topology();
    if (!after.equals(before)) {
      out.accept(new Protocol.Topology(after));
    }
  }

  private CommandOutcome execute(String requestId, NetNamespace ns, String line) {
    try {
      return shell.execute(ns, line, ++lineNumber);
    } catch (RuntimeException e) {
      log.warn("The simulator failed on \"{}\" in {}", line, ns, e);
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
