package io.packetwalk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ShellSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every tool's argument parsing, through the shell, on a small world (two namespaces, a veth pair
 * and a bridge): whatever the arguments, the tool answers as a tool does (a status and a message),
 * never with an internal error, and within the run's limits.
 */
class ToolArgumentsFuzzTest {

  /** A small budget, so that a generated {@code ping -c 9999999} ends quickly. */
  private static final RunLimits LIMITS =
      new RunLimits(
          200, 500, Duration.ofMinutes(10).toNanos(), Duration.ofSeconds(2).toNanos(), 64 * 1024);

  /** Room for the sentence that says a limit stopped the run. */
  private static final int STOP_SENTENCE_BYTES = 1024;

  private static final List<String> SMALL_WORLD =
      List.of(
          "ip netns add a",
          "ip netns add b",
          "ip link set lo up",
          "ip link add br0 type bridge",
          "ip link add va type veth peer name vb",
          "ip link set va netns a",
          "ip link add vr type veth peer name vr2",
          "ip link set vr2 netns b",
          "ip link set vb master br0",
          "ip link set vr master br0",
          "ip link set br0 up",
          "ip link set vb up",
          "ip link set vr up",
          "ip addr add 10.0.0.254/24 dev br0",
          "ip -n a addr add 10.0.0.1/24 dev va",
          "ip -n a link set va up",
          "ip -n a link set lo up",
          "ip -n b addr add 10.0.0.2/24 dev vr2",
          "ip -n b link set vr2 up",
          "ip -n a route add default via 10.0.0.254");

  @Property
  void everyToolAnswersItsArgumentsWithoutAnInternalError(@ForAll("lines") String line) {
    ShellSession session = new ShellSession(World.withOneHost());
    NetNamespace root = session.world().defaultHost().root();
    SMALL_WORLD.forEach(
        setup -> assertThat(session.execute(root, setup, 1).exit()).as(setup).isZero());

    CommandOutcome outcome =
        assertTimeoutPreemptively(
            Duration.ofNanos(LIMITS.maxCpuNs()).plusSeconds(10),
            () -> session.execute(root, line, 1, LIMITS, () -> false));

    assertThat(outcome.exit()).as("exit status of: %s", line).isNotEqualTo(70);
    assertThat(outcome.stderr()).as("stderr of: %s", line).doesNotContain("internal error");
    long printed =
        outcome.stdout().getBytes(StandardCharsets.UTF_8).length
            + outcome.stderr().getBytes(StandardCharsets.UTF_8).length;
    assertThat(printed)
        .as("bytes printed by: %s", line)
        .isLessThanOrEqualTo(LIMITS.maxOutputBytes() + STOP_SENTENCE_BYTES);
  }

  @Example
  void aSleepLongerThanTheClockCanCountIsAnsweredByTheTool() {
    everyToolAnswersItsArgumentsWithoutAnInternalError("sleep 106752d");
  }

  @Example
  void aPingIntervalOf1e22SecondsIsAnsweredByTheTool() {
    everyToolAnswersItsArgumentsWithoutAnInternalError("ping -c 2 -i 1e22 127.1");
  }

  @Example
  void aTcpdumpPortThatIsNotANumberIsAnsweredByTheTool() {
    everyToolAnswersItsArgumentsWithoutAnInternalError("tcpdump -c 1 port a");
  }

  @Provide
  Arbitrary<String> lines() {
    return ToolWords.lines();
  }
}
