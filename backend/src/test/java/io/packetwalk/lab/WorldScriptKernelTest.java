package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-machine script of a two-host lab runs on the real kernel: each host a namespace, the
 * underlay switch a bridge in its own, the NICs veth ends. Its links, addresses, routes and pings
 * (host to host, host to a pod behind the other host, pod back to the host) match what the
 * simulator's own world of the same lab prints. Skipped, with the reason printed, where real
 * namespaces cannot be made.
 */
class WorldScriptKernelTest {

  /** A probe: the command on one host, in one of its namespaces ("" for the root). */
  private record Probe(String host, String netns, String command) {

    String simulated() {
      return netns.isEmpty() ? command : "ip netns exec " + netns + " " + command;
    }

    String real() {
      return "ip netns exec " + WorldScript.netnsOf(host, netns) + " " + command;
    }
  }

  @Test
  void rebuildsTwoHostsOnOneSwitchThatPingEachOtherAsTheSimulatorDoes(@TempDir Path scratch)
      throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    if (unavailable.isPresent()) {
      System.out.println("WorldScriptKernelTest skipped: " + unavailable.get());
    }
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    LabDocument lab = WorldSnapshot.document(LabScripts.run(LabScripts.TWO_HOSTS), "two hosts");
    WorldScript script = WorldScript.of(lab);
    assertThat(script.problems()).isEmpty();
    List<Probe> probes = probes(lab);

    List<String> simulated = simulate(lab, probes);
    List<String> real =
        KernelRun.run(script.text(), probes.stream().map(Probe::real).toList(), scratch);

    assertThat(real).hasSameSizeAs(probes);
    for (int i = 0; i < probes.size(); i++) {
      assertThat(normalise(simulated.get(i), nics(lab)))
          .as("`%s` on %s (simulator vs kernel)", probes.get(i).simulated(), probes.get(i).host())
          .isEqualTo(normalise(real.get(i), nics(lab)));
    }
    assertThat(simulated.get(simulated.size() - 1)).contains("1 received").endsWith("exit 0\n");
  }

  /** Links, addresses and routes of every namespace of every host, then the pings. */
  private static List<Probe> probes(LabDocument lab) {
    List<Probe> probes = new ArrayList<>();
    for (LabHost host : lab.hosts()) {
      for (LabNamespace ns : host.namespaces()) {
        for (String command : List.of("ip -br link", "ip -br addr", "ip route")) {
          probes.add(new Probe(host.name(), ns.name(), command));
        }
      }
    }
    probes.add(new Probe("host1", "", ping("10.0.0.2")));
    probes.add(new Probe("host1", "", ping("10.244.2.2")));
    probes.add(new Probe("host2", "pod", ping("10.0.0.1")));
    return probes;
  }

  private static String ping(String to) {
    return "ping -c 1 -W 1 " + to + "; echo \"exit $?\"";
  }

  /** The names of the lab's physical NICs, as a regular expression. */
  private static String nics(LabDocument lab) {
    return lab.hosts().stream()
        .flatMap(host -> host.namespaces().get(0).devices().stream())
        .filter(dev -> dev.kind() == LabDeviceKind.PHYSICAL)
        .map(dev -> Pattern.quote(dev.name()))
        .distinct()
        .collect(Collectors.joining("|"));
  }

  /** The probes run on the world the simulator builds from the lab document. */
  private static List<String> simulate(LabDocument lab, List<Probe> probes) {
    LabBuilder.Result built = LabBuilder.build(lab);
    assertThat(built.problems()).isEmpty();
    World world = built.world();
    ShellSession shell = new ShellSession(world);
    List<String> outputs = new ArrayList<>();
    int line = 0;
    for (Probe probe : probes) {
      Host host = world.host(probe.host()).orElseThrow();
      boolean withStatus = probe.command().endsWith("echo \"exit $?\"");
      String command =
          withStatus
              ? probe.simulated().substring(0, probe.simulated().indexOf(';'))
              : probe.simulated();
      CommandOutcome outcome = shell.execute(host.root(), command, ++line);
      outputs.add(outcome.stdout() + (withStatus ? "exit " + outcome.exit() + "\n" : ""));
    }
    return outputs;
  }

  /**
   * What differs by nature, not by fault: IPv6 link-local addresses (the kernel's own), ping's
   * clock readings, and the "@ifN" a real NIC shows because on one machine it is a veth end (with
   * the column padding that goes with it).
   */
  private static String normalise(String output, String nics) {
    return output
        .lines()
        .map(line -> line.replaceAll("\\s+[0-9a-f:]*:[0-9a-f:]*/\\d+", ""))
        .map(line -> line.replaceAll("^(" + nics + ")@if\\d+", "$1"))
        .map(line -> line.replaceAll("time=\\S+ ms", "time=T ms"))
        .map(line -> line.replaceAll(", time \\d+ms", ""))
        .map(line -> line.replaceAll("^rtt .*", "rtt"))
        .map(line -> line.replaceAll("\\s+", " ").strip())
        .collect(Collectors.joining("\n"));
  }
}
