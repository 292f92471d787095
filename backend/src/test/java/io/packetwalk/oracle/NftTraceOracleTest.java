package io.packetwalk.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptLine;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.trace.NetfilterPlace;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The netfilter trace oracle: each script under {@code src/test/resources/nftrace} runs on the real
 * kernel with {@code nft monitor trace} listening in one namespace, and in the simulator. The
 * kernel's trace, reduced to base-chain entries, matching rules with their verdicts and policies,
 * must equal the same events read from the simulator's trace of the probe in that namespace.
 * Conntrack, NAT translation and routing are invisible to nft trace and are left out on both sides.
 * Skipped where real namespaces cannot run (see {@link KernelOracleTest}).
 */
class NftTraceOracleTest {

  private static final Path WORK = Path.of("target", "oracle", "nftrace");
  private static final Pattern MONITOR = Pattern.compile("^ip netns exec (\\S+) nft monitor trace");
  private static final Pattern KERNEL_EVENT =
      Pattern.compile(
          "^trace id \\S+ ip (\\S+) (\\S+) (?:(packet): .*|rule .*\\(verdict ([^)]*)\\)|policy"
              + " (\\S+).*)$");

  @TestFactory
  Stream<DynamicTest> theKernelsTraceMatchesTheSimulators() throws IOException {
    Files.createDirectories(WORK);
    KernelRunner kernel = new KernelRunner(resource("/oracle").resolve("kernel-run.sh"));
    Optional<String> unavailable = kernel.unavailableReason(WORK);
    Assumptions.assumeTrue(
        unavailable.isEmpty(), () -> "nft trace oracle skipped: " + unavailable.orElse(""));
    return Scenario.allIn(resource("/nftrace")).stream()
        .map(scenario ->
            DynamicTest.dynamicTest(
                scenario.name(), scenario.path().toUri(), () -> check(scenario, kernel)));
  }

  private static void check(Scenario scenario, KernelRunner kernel) {
    List<CommandOutcome> real =
        kernel.run(scenario, WORK.resolve(scenario.name().replaceFirst("\\.sh$", "")));
    String printed = real.getLast().stdout();
    List<String> expected = kernelEvents(printed);
    List<String> actual = simulatorEvents(scenario.text());
    assertThat(expected).as("the kernel printed no trace:\n" + printed).isNotEmpty();
    assertThat(actual)
        .as("netfilter events of %s (kernel trace:\n%s)", scenario.name(), printed)
        .isEqualTo(expected);
  }

  /** The kernel's trace as events: {@code filter FORWARD}, {@code … rule jump CHK}, policies. */
  static List<String> kernelEvents(String trace) {
    List<String> events = new ArrayList<>();
    for (String line : trace.lines().toList()) {
      Matcher m = KERNEL_EVENT.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String chain = m.group(1) + " " + m.group(2);
      if (m.group(3) != null) {
        events.add(chain);
      } else if (m.group(4) != null) {
        events.add(chain + " rule " + m.group(4));
      } else {
        events.add(chain + " policy " + m.group(5));
      }
    }
    return events;
  }

  /** Runs the script in the simulator and reads the same events from the probe's trace. */
  private static List<String> simulatorEvents(String script) {
    ShellSession shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    String traced = null;
    Trace probe = null;
    for (ScriptLine line : ScriptParser.parseScript(script)) {
      Matcher monitor = MONITOR.matcher(line.text());
      if (monitor.find()) {
        traced = monitor.group(1);
        continue;
      }
      if (line.words().getFirst().equals("cat") || line.words().getFirst().equals("sleep")) {
        continue;
      }
      shell.execute(root, line.text(), line.line());
      if (line.text().endsWith("# probe")) {
        probe = shell.takeLastTrace().orElseThrow();
      }
    }
    if (traced == null || probe == null) {
      throw new IllegalStateException("a trace script needs a monitor line and a # probe line");
    }
    List<String> events = new ArrayList<>();
    Set<Integer> followed = traced(probe, traced);
    for (Step step : probe.steps()) {
      if (followed.contains(step.seq())) {
        event(step).ifPresent(events::add);
      }
    }
    return events;
  }

  /**
   * The steps nft would report: from each TRACE rule that matched in {@code netns} (and the chain
   * entry before it), everything the same packet did there afterwards. A packet the kernel makes in
   * answer (an echo reply, a reset) is a new packet, traced only if it meets a TRACE rule.
   */
  private static Set<Integer> traced(Trace trace, String netns) {
    Map<Integer, List<Step>> children = new HashMap<>();
    Map<Integer, Step> bySeq = new HashMap<>();
    for (Step step : trace.steps()) {
      bySeq.put(step.seq(), step);
      if (step.causeSeq() != null) {
        children.computeIfAbsent(step.causeSeq(), k -> new ArrayList<>()).add(step);
      }
    }
    Set<Integer> followed = new HashSet<>();
    for (Step step : trace.steps()) {
      NetfilterPlace place = step.location().netfilter();
      boolean marks =
          step.kind() == StepKind.NF_RULE_MATCH
              && step.location().netns().equals(netns)
              && place.ruleText().endsWith(" -j TRACE");
      if (!marks || followed.contains(step.seq())) {
        continue;
      }
      Step entry = step.causeSeq() == null ? null : bySeq.get(step.causeSeq());
      while (entry != null && entry.kind() == StepKind.NF_RULES_SKIPPED) {
        entry = entry.causeSeq() == null ? null : bySeq.get(entry.causeSeq());
      }
      if (entry != null && entry.kind() == StepKind.NF_CHAIN) {
        followed.add(entry.seq());
      }
      Deque<Step> todo = new ArrayDeque<>(List.of(step));
      while (!todo.isEmpty()) {
        Step next = todo.pop();
        followed.add(next.seq());
        for (Step child : children.getOrDefault(next.seq(), List.of())) {
          boolean newPacket =
              child.kind() == StepKind.ICMP_SENT
                  || child.kind() == StepKind.TCP_SENT
                  || child.kind() == StepKind.PACKET_CREATED;
          if (!newPacket && child.location().netns().equals(netns)) {
            todo.push(child);
          }
        }
      }
    }
    return followed;
  }

  private static Optional<String> event(Step step) {
    NetfilterPlace place = step.location().netfilter();
    if (place == null || place.table() == null) {
      return Optional.empty();
    }
    String chain = place.table() + " " + place.chain();
    if (step.kind() == StepKind.NF_CHAIN) {
      boolean base = place.chain().equals(place.hook());
      return base && !step.sentence().startsWith("Back in") ? Optional.of(chain) : Optional.empty();
    }
    boolean decided = step.kind() == StepKind.NF_RULE_MATCH || step.kind() == StepKind.NF_VERDICT;
    if (!decided) {
      return Optional.empty();
    }
    if (place.rule() == null) {
      return Optional.of(
          chain + " policy " + (step.sentence().contains("drops the packet") ? "drop" : "accept"));
    }
    return Optional.of(chain + " rule " + verdict(place.ruleText()));
  }

  /** The verdict nft reports for a rule, from the rule's target. */
  private static String verdict(String ruleText) {
    Matcher m = Pattern.compile(" -([jg]) (\\S+)").matcher(ruleText);
    String flag = null;
    String target = null;
    while (m.find()) {
      flag = m.group(1);
      target = m.group(2);
    }
    if (target == null) {
      return "continue";
    }
    return switch (target) {
      case "ACCEPT", "DNAT", "SNAT", "MASQUERADE", "REDIRECT" -> "accept";
      case "DROP", "REJECT" -> "drop";
      case "RETURN" -> "return";
      case "LOG", "MARK", "CONNMARK", "TRACE", "CT", "NOTRACK" -> "continue";
      default -> (flag.equals("g") ? "goto " : "jump ") + target;
    };
  }

  private static Path resource(String name) {
    try {
      return Path.of(NftTraceOracleTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
