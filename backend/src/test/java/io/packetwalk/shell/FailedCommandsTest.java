package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command that fails leaves the world as it found it (as the kernel would). */
class FailedCommandsTest {

  private static final String SETUP =
      """
      ip netns add a
      ip link add br0 type bridge
      ip link add v0 type veth peer name v1
      ip link add w0 type veth peer name w1 netns a
      ip link set dev v0 address 02:00:00:00:00:01
      ip link set v0 master br0
      ip link set br0 up
      ip link set v0 up
      ip link set v1 up
      ip addr add 10.1.0.1/24 dev br0
      ip route add 10.9.0.0/16 via 10.1.0.2
      ip neigh add 10.1.0.7 lladdr 02:00:00:00:00:07 dev br0
      """;

  /** Everything the tools can show, in every namespace. */
  private static final List<String> DUMP =
      List.of(
          "ip -d addr",
          "ip route show table all",
          "ip neigh show nud all",
          "ip neigh show proxy",
          "bridge fdb",
          "bridge -d link",
          "sysctl -a",
          "ip netns list");

  private final ShellSession session = new ShellSession(World.withOneHost());

  private String dump() {
    StringBuilder out = new StringBuilder();
    for (NetNamespace ns : session.world().defaultHost().namespaces()) {
      for (String cmd : DUMP) {
        out.append(session.execute(ns, cmd, 0).stdout());
      }
    }
    return out.toString();
  }

  private void run(String script) {
    NetNamespace root = session.world().defaultHost().root();
    script.lines().forEach(line -> session.execute(root, line, 0));
  }

  @Test
  void failingCommandsChangeNothing() {
    run(SETUP);
    String before = dump();
    List<String> failing =
        List.of(
            "ip link add v0 type veth peer name v9",
            "ip link add v9 type veth peer name v1",
            "ip link set v0 mtu 60",
            "ip link set v0 address 01:00:00:00:00:01",
            "ip link set v1 master nosuchbr",
            "ip link set br0 netns a",
            "ip link set v1 netns nosuchns",
            "ip link set v1 name w1 up netns a",
            "ip link del lo",
            "ip link set br0 master br0",
            "ip addr add 10.1.0.1/24 dev br0",
            "ip addr add 10.1.0.1/33 dev br0",
            "ip addr del 10.1.0.9/24 dev br0",
            "ip route add 10.9.0.0/16 via 10.1.0.3",
            "ip route add 10.8.0.0/16 via 10.7.0.1",
            "ip route add 10.8.0.1/16 dev br0",
            "ip route add 10.8.0.0/16 dev br0 src 10.7.0.1",
            "ip route del 10.7.0.0/16",
            "ip route change 10.6.0.0/16 via 10.1.0.2",
            "ip neigh add 10.1.0.7 lladdr 02:00:00:00:00:08 dev br0",
            "ip neigh add 10.1.0.8 dev br0",
            "ip neigh del 10.1.0.9 dev br0",
            "ip netns add a",
            "ip netns del b",
            "brctl addif br0 v0",
            "brctl delbr br0",
            "bridge fdb add 02:00:00:00:00:99 dev v1 master",
            "sysctl -w net.ipv4.ip_forward=abc",
            "sysctl -w net.ipv4.ip_forward=2147483648",
            "sysctl -w net.ipv4.ip_forward=" + "9".repeat(1_000),
            "sysctl -w net.ipv4.conf.nosuch.rp_filter=1",
            "ip netns add a; ip netns add b");
    for (String cmd : failing) {
      CommandOutcome outcome = session.execute(session.world().defaultHost().root(), cmd, 0);
      assertThat(outcome.exit()).as(cmd).isNotZero();
      assertThat(dump()).as("state after: %s", cmd).isEqualTo(before);
    }
  }

  @Test
  void keepsChangesMadeBeforeTheFailingAttributeLikeOneNetlinkMessage() {
    run(SETUP);
    NetNamespace root = session.world().defaultHost().root();
    CommandOutcome outcome =
        session.execute(root, "ip link set v1 address 02:00:00:00:00:ab up mtu 50", 0);
    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.stderr()).isEqualTo("Error: mtu less than device minimum.\n");
    assertThat(session.execute(root, "ip -br link show v1", 0).stdout())
        .isEqualTo(
            "v1@v0            UP             02:00:00:00:00:ab <BROADCAST,MULTICAST,UP,LOWER_UP> \n");
  }

  @Test
  void aSysctlValueBeyondTheKernelsIntIsAnInvalidArgumentNotAnInternalError() {
    NetNamespace root = session.world().defaultHost().root();
    for (String value : List.of("2147483648", "-2147483649", "9".repeat(1_000))) {
      CommandOutcome outcome = session.execute(root, "sysctl -w net.ipv4.ip_forward=" + value, 0);
      assertThat(outcome.exit()).as(value).isEqualTo(1);
      assertThat(outcome.stderr())
          .as(value)
          .isEqualTo("sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n");
    }
    assertThat(session.execute(root, "sysctl -n net.ipv4.ip_forward", 0).stdout()).isEqualTo("0\n");
  }
}
