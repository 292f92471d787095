package io.packetwalk.netfilter;

import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.util.List;
import java.util.stream.Collectors;

/** A client, a router and a server in one world, driven through the shell. */
final class NetfilterLab {

  static final String ROUTER =
      """
      ip netns add c
      ip netns add r
      ip netns add s
      ip -n c link add eth0 type veth peer name rc netns r
      ip -n s link add eth0 type veth peer name rs netns r
      ip -n c addr add 10.0.1.2/24 dev eth0
      ip -n r addr add 10.0.1.1/24 dev rc
      ip -n r addr add 198.51.100.1/24 dev rs
      ip -n s addr add 198.51.100.2/24 dev eth0
      ip -n c link set eth0 up
      ip -n r link set rc up
      ip -n r link set rs up
      ip -n s link set eth0 up
      ip -n c route add default via 10.0.1.1
      ip netns exec r sysctl -w net.ipv4.ip_forward=1
      """;

  private final ShellSession shell = new ShellSession(World.withOneHost());
  private int line;

  NetfilterLab(String setup) {
    setup.lines().forEach(this::run);
  }

  CommandOutcome run(String command) {
    CommandOutcome outcome = shell.execute(shell.world().defaultHost().root(), command, ++line);
    if (outcome.exit() != 0 && !command.contains("ping") && !command.contains("nc ")) {
      throw new AssertionError(command + " failed: " + outcome.stderr());
    }
    return outcome;
  }

  /** The trace of the last traffic command. */
  Trace trace() {
    return shell.lastTrace().orElseThrow();
  }

  /** The trace as one line per step: kind, namespace, netfilter place, sentence. */
  static String describe(Trace trace) {
    return trace.steps().stream().map(NetfilterLab::describe).collect(Collectors.joining("\n"));
  }

  static String describe(Step step) {
    var place = step.location().netfilter();
    return step.seq()
        + " "
        + step.kind()
        + " "
        + step.location().netns()
        + (place == null
            ? ""
            : " ["
                + place.hook()
                + (place.table() == null ? "" : " " + place.table() + " " + place.chain())
                + (place.rule() == null ? "" : " #" + place.rule())
                + "]")
        + (step.disposition() == null ? "" : " => " + step.disposition())
        + " "
        + step.sentence();
  }

  static List<String> kinds(Trace trace) {
    return trace.steps().stream().map(s -> s.kind().name()).toList();
  }
}
