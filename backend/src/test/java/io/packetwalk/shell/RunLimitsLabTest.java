package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Every run ends within its limits, says which one ended it, and reports only what it did. */
class RunLimitsLabTest {

  private static final RunLimits SMALL =
      new RunLimits(
          100, 50, Duration.ofHours(1).toNanos(), Duration.ofSeconds(30).toNanos(), 4_096);

  private final ShellSession session = new ShellSession(World.withOneHost());
  private final NetNamespace root = session.world().defaultHost().root();

  private CommandOutcome run(String line) {
    return session.execute(root, line, 1, SMALL, () -> false);
  }

  @Test
  void aHugePingStopsAtThePacketLimitAndCountsOnlyTheProbesItSent() {
    run("ip link set lo up");
    CommandOutcome ping = run("ping -c 100000000 -i 0 -q 127.1");
    assertThat(ping.stdout())
        .contains("100 packets transmitted, 100 received, 0% packet loss")
        .doesNotContain("100001");
    assertThat(ping.stopped())
        .isEqualTo(
            "stopped after 100 packets: the per-run packet limit"
                + " (packetwalk.limits.packets-per-run)");
    assertThat(ping.stderr()).endsWith("packetwalk: " + ping.stopped() + "\n");
    assertThat(ping.exit()).isZero();
  }

  @Test
  void theDefaultLimitStopsAMillionPingsAt5000AndSaysSo() {
    session.execute(root, "ip link set lo up", 1);
    CommandOutcome ping = session.execute(root, "ping -c 1000000 -i 0 -q 127.1", 2);
    assertThat(ping.stdout()).contains("5000 packets transmitted, 5000 received");
    assertThat(ping.stopped()).startsWith("stopped after 5,000 packets");
  }

  @Test
  void aLongLegitimatePingIsNotMistakenForAStorm() {
    session.execute(root, "ip link set lo up", 1);
    session.execute(root, "ping -c 4000 -i 0 -q 127.1", 2);
    assertThat(session.takeLastTrace().orElseThrow().steps())
        .noneMatch(step -> step.disposition() == io.packetwalk.trace.Disposition.STORM_BUDGET);
  }

  @Test
  void sleepingPastTheVirtualTimeLimitStopsThereInsteadOfOverflowing() {
    CommandOutcome sleep = run("sleep 106752d");
    assertThat(sleep.stderr()).doesNotContain("internal error");
    assertThat(sleep.stopped())
        .isEqualTo(
            "stopped after 1 hour of virtual time: the per-run virtual time limit"
                + " (packetwalk.limits.virtual-time-per-run)");
    assertThat(session.world().now()).isEqualTo(Duration.ofHours(1).toNanos());
  }

  @Test
  void aPingIntervalOrLingerIputilsWouldRefuseIsRefusedWithItsWords() {
    run("ip link set lo up");
    CommandOutcome huge = run("ping -c 3 -i 1e22 127.1");
    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.stderr()).isEqualTo("ping: bad timing interval: 1e22\n");
    assertThat(run("ping -c 2 -i 9223372036 127.1").stderr())
        .isEqualTo("ping: bad timing interval: 9223372036\n");
    assertThat(run("ping -c 1 -W 9999999 127.1").stderr())
        .isEqualTo("ping: bad linger time: 9999999\n");
    assertThat(run("ping -c 1 -i 1e-999999999 127.1").exit()).isZero();
  }

  @Test
  void aPingWhoseIntervalsOutlastTheVirtualTimeLimitStopsThere() {
    run("ip link set lo up");
    CommandOutcome ping = run("ping -c 3 -i 2147483 127.1");
    assertThat(ping.stdout()).contains("1 packets transmitted, 1 received");
    assertThat(ping.stopped()).contains("1 hour of virtual time");
  }

  @Test
  void outputStopsAtTheOutputLimit() {
    run("ip link set lo up");
    for (int i = 0; i < 20; i++) {
      session.execute(root, "ip link add d" + i + " type veth peer name p" + i, i);
    }
    CommandOutcome show = run("ip -d addr show");
    assertThat(show.stdout().length() + show.stderr().length()).isLessThanOrEqualTo(4_096 + 200);
    assertThat(show.stopped()).contains("4,096 bytes of output");
  }

  @Test
  void aScriptSharesOneBudgetAndStopsAtTheLineThatHitIt() {
    List<CommandOutcome> outcomes =
        new ScriptRunner()
            .run(
                "ip link set lo up\nping -c 80 -i 0 -q 127.1\nping -c 80 -i 0 -q 127.1\n"
                    + "ip link add late type veth peer name late2\n",
                SMALL,
                () -> false);
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(1).stopped()).isNull();
    assertThat(outcomes.get(2).stdout()).contains("20 packets transmitted");
    assertThat(outcomes.get(2).stopped()).contains("100 packets");
  }

  @Test
  void aCancelledRunStopsAndSaysTheClientWentAway() {
    AtomicBoolean gone = new AtomicBoolean();
    session.execute(root, "ip link set lo up", 1);
    CommandOutcome ping =
        session.execute(
            root,
            "ping -c 4000 -i 0 -q 127.1",
            2,
            RunLimits.DEFAULTS,
            () -> {
              gone.set(true);
              return true;
            });
    assertThat(gone).isTrue();
    assertThat(ping.stopped()).isEqualTo("cancelled: the client went away");
  }

  @Test
  void keptTraceStepsAreBoundedAndTheRestCounted() {
    run("ip link set lo up");
    run("ping -c 20 -i 0 -q 127.1");
    var trace = session.takeLastTrace().orElseThrow();
    assertThat(trace.steps()).hasSize(50);
    assertThat(trace.omittedSteps()).isPositive();
    assertThat(session.takeLastTrace()).as("the trace is handed over once").isEmpty();
  }

  @Test
  void tcpdumpSaysHowManyFramesTheCaptureLogLostAndThatItDoesNotWait() {
    session.execute(root, "ip link set lo up", 1);
    session.execute(root, "ping -c 3000 -i 0 -q 127.1", 2);
    CommandOutcome dump = session.execute(root, "tcpdump -c 100000000 -n -i lo", 3);
    assertThat(dump.stderr())
        .contains("does not wait for more")
        .contains("packets dropped by kernel")
        .doesNotContain("\n0 packets dropped by kernel");
  }

  @Test
  void ncRefusesATimeoutLargerThanOpenBsdNcAccepts() {
    CommandOutcome nc = run("nc -z -w 99999999 127.0.0.1 80");
    assertThat(nc.exit()).isEqualTo(1);
    assertThat(nc.stderr()).isEqualTo("nc: timeout too large: 99999999\n");
  }

  @Test
  void aScriptOfLongPingsStopsAtTheCpuLimit() {
    RunLimits cpu =
        new RunLimits(
            Long.MAX_VALUE,
            50,
            Duration.ofDays(365).toNanos(),
            Duration.ofMillis(300).toNanos(),
            1 << 20);
    String script = "ip link set lo up\n" + "ping -qc9999999 -i0 127.1\n".repeat(100);
    long start = System.nanoTime();
    List<CommandOutcome> outcomes = new ScriptRunner().run(script, cpu, () -> false);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    CommandOutcome last = outcomes.getLast();
    assertThat(last.stopped())
        .isEqualTo(
            "stopped after 300 ms of processor time: the per-run CPU time limit"
                + " (packetwalk.limits.cpu-time-per-run)");
    assertThat(outcomes).hasSizeLessThan(101);
    assertThat(tookMs).as("wall time of a run stopped at 300 ms of CPU").isLessThan(30_000);
  }

  @Test
  void tcpdumpRefusesAPortThatIsNotANumberInLibpcapsWords() {
    run("ip link set lo up");
    assertThat(run("tcpdump -c 1 -n -i lo port a").stderr())
        .endsWith("tcpdump: unknown port 'a'\n");
    assertThat(run("tcpdump -c 1 -n -i lo port 4294967296").stderr())
        .endsWith("tcpdump: number 4294967296 overflows 32 bits\n");
    assertThat(run("tcpdump -c 1 -n -i lo port 70000").stderr())
        .endsWith("tcpdump: illegal port number 70000 > 65535\n");
  }
}
