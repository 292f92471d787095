package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exported script is valid for the real kernel: run under bash as root in a private network,
 * mount and pid namespace (never touching the machine's own), it builds a lab whose {@code ip -br
 * link}, {@code ip -br addr} and {@code ip route} match, namespace by namespace, what the simulator
 * prints after running the same script. Skipped, with the reason printed, where real namespaces
 * cannot be made.
 */
class ExportedScriptKernelTest {

  static Stream<Arguments> labs() {
    return Stream.of(
        Arguments.of("veth pair", LabScripts.VETH_PAIR),
        Arguments.of("bridge with gateway", LabScripts.BRIDGE_WITH_GATEWAY),
        Arguments.of("router", LabScripts.ROUTER),
        Arguments.of("static entries", LabScripts.STATIC_ENTRIES),
        Arguments.of("router with rules", LabScripts.ROUTER_WITH_RULES),
        Arguments.of("macvlans", LabScripts.MACVLANS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void rebuildsTheSameLinksAddressesAndRoutesInRealNamespaces(
      String name, String typed, @TempDir Path scratch) throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    if (unavailable.isPresent()) {
      System.out.println("ExportedScriptKernelTest skipped: " + unavailable.get());
    }
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    LabDocument lab = WorldSnapshot.document(LabScripts.run(typed), name);
    LabScript script = LabScript.of(lab);
    assertThat(script.problems()).isEmpty();
    List<String> probes = probes(lab);

    List<String> simulated = simulate(script.text(), probes);
    List<String> real = KernelRun.run(script.text(), probes, scratch);

    assertThat(real).hasSameSizeAs(probes);
    for (int i = 0; i < probes.size(); i++) {
      assertThat(normalise(simulated.get(i)))
          .as("%s: `%s` (simulator vs kernel)", name, probes.get(i))
          .isEqualTo(normalise(real.get(i)));
    }
  }

  /** Per namespace: links, addresses, the main routing table and the filter and nat rules. */
  private static List<String> probes(LabDocument lab) {
    List<String> probes = new ArrayList<>();
    for (LabNamespace ns : lab.hosts().get(0).namespaces()) {
      String in = ns.isRoot() ? "" : "ip netns exec " + ns.name() + " ";
      probes.add(in + "ip -br link");
      probes.add(in + "ip -br addr");
      probes.add(in + "ip route");
      probes.add(in + "iptables -S");
      probes.add(in + "iptables -t nat -S");
    }
    return probes;
  }

  /** The probes' output after running the script with the shell's {@link ScriptRunner}. */
  private static List<String> simulate(String script, List<String> probes) {
    String whole = script + String.join("\n", probes) + "\n";
    List<CommandOutcome> outcomes = new ScriptRunner().run(whole);
    List<CommandOutcome> built = outcomes.subList(0, outcomes.size() - probes.size());
    for (CommandOutcome outcome : built) {
      assertThat(outcome.exit())
          .as("simulator: line %d `%s`: %s", outcome.line(), outcome.cmd(), outcome.stderr())
          .isZero();
    }
    return outcomes.subList(outcomes.size() - probes.size(), outcomes.size()).stream()
        .map(CommandOutcome::stdout)
        .toList();
  }

  /** IPv6 addresses (the kernel's link-local ones) and trailing blanks are not the lab's. */
  private static String normalise(String output) {
    return output
        .lines()
        .map(line -> line.replaceAll("\\s+[0-9a-f:]*:[0-9a-f:]*/\\d+", "").stripTrailing())
        .collect(Collectors.joining("\n"));
  }
}
