package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import org.junit.jupiter.api.Test;

class ShellSessionTest {

  private final ShellSession session = new ShellSession(World.withOneHost());
  private final NetNamespace root = session.world().defaultHost().root();

  private CommandOutcome run(String line) {
    return session.execute(root, line, 1);
  }

  @Test
  void unknownCommandIsNotFoundWithStatus127() {
    CommandOutcome outcome = run("ifconfig -a");
    assertThat(outcome.exit()).isEqualTo(127);
    assertThat(outcome.stderr()).isEqualTo("bash: line 1: ifconfig: command not found\n");
  }

  @Test
  void unknownCommandUnderNetnsExecIsAnExecFailure() {
    run("ip netns add a");
    CommandOutcome outcome = run("ip netns exec a ifconfig");
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.stderr())
        .isEqualTo("exec of \"ifconfig\" failed: No such file or directory\n");
  }

  @Test
  void unsupportedSyntaxIsRefusedWithStatus2AndChangesNothing() {
    CommandOutcome outcome = session.execute(root, "ip netns add a; ip netns add b", 4);
    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.line()).isEqualTo(4);
    assertThat(outcome.stderr())
        .isEqualTo(
            "packetwalk: line 4, column 15: command lists (\";\") are not supported;"
                + " write one command per line\n");
    assertThat(root.host().namedNamespaces()).isEmpty();
  }

  @Test
  void commentsAndBlankLinesSucceedSilently() {
    assertThat(run("# nothing to do"))
        .isEqualTo(new CommandOutcome(1, "# nothing to do", 0, "", ""));
    assertThat(run("   ").exit()).isZero();
  }

  @Test
  void backgroundLineReportsSuccessAndNoOutput() {
    CommandOutcome outcome = run("nc -l 8080 &");
    assertThat(outcome).isEqualTo(new CommandOutcome(1, "nc -l 8080 &", 0, "", ""));
  }

  @Test
  void foregroundListenerIsRefusedBecauseItWouldWaitForEver() {
    CommandOutcome outcome = run("nc -l 8080");
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.stderr()).startsWith("nc: Packetwalk runs listeners in the background only");
  }

  @Test
  void ipNetnsOptionRunsTheCommandInThatNamespace() {
    run("ip netns add a");
    run("ip -n a link set lo up");
    assertThat(run("ip -n a -br link").stdout())
        .isEqualTo("lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n");
    assertThat(run("ip -br link").stdout())
        .isEqualTo("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n");
  }

  @Test
  void abbreviationsFollowIproute2sTableOrder() {
    run("ip link add v0 type veth peer name v1");
    assertThat(run("ip l s v0")).isEqualTo(new CommandOutcome(1, "ip l s v0", 0, "", ""));
    CommandOutcome address = run("ip link add a type veth");
    assertThat(address.exit()).isEqualTo(1);
    assertThat(address.stderr()).isEqualTo("\"type\" is invalid lladdr.\n");
  }

  @Test
  void pingLeavesItsTraceForTheUi() {
    assertThat(session.lastTrace()).isEmpty();
    run("ip link set lo up");
    CommandOutcome ping = run("ping -c 1 127.0.0.1");
    assertThat(ping.exit()).isZero();
    assertThat(session.lastTrace()).isPresent();
    assertThat(session.lastTrace().get().steps()).isNotEmpty();
  }

  @Test
  void sleepLetsVirtualTimePass() {
    long before = session.world().now();
    assertThat(run("sleep 1.5").exit()).isZero();
    assertThat(session.world().now() - before).isEqualTo(1_500_000_000L);
    assertThat(run("sleep x").stderr())
        .isEqualTo("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  }
}
