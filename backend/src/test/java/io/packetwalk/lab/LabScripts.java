package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;

/**
 * Command scripts that make the labs the round-trip tests use, and a way to run one in a fresh
 * simulated world: labs are made the way people make them, by typing commands.
 */
final class LabScripts {

  private LabScripts() {}

  /** Scenario 01: a veth pair made in the root namespace and moved into a and b. */
  static final String VETH_PAIR =
      """
      ip netns add a
      ip netns add b
      ip link add veth-a type veth peer name veth-b
      ip link set dev veth-a address 02:00:00:00:0a:01
      ip link set dev veth-b address 02:00:00:00:0b:01
      ip link set veth-a netns a
      ip link set veth-b netns b
      ip netns exec a ip link set lo up
      ip netns exec b ip link set lo up
      ip netns exec a ip addr add 10.0.0.1/24 dev veth-a
      ip netns exec b ip addr add 10.0.0.2/24 dev veth-b
      ip netns exec a ip link set veth-a up
      ip netns exec b ip link set veth-b up
      """;

  /** Scenario 04: two namespaces on br0, whose address is their default gateway. */
  static final String BRIDGE_WITH_GATEWAY =
      """
      ip netns add c1
      ip netns add c2
      ip link add br0 type bridge
      ip link set dev br0 address 02:00:00:00:00:01
      ip addr add 172.16.100.1/24 dev br0
      ip link set br0 up
      ip link add veth-c1 type veth peer name eth0 netns c1
      ip link add veth-c2 type veth peer name eth0 netns c2
      ip link set dev veth-c1 address 02:00:00:00:01:01
      ip link set dev veth-c2 address 02:00:00:00:02:01
      ip netns exec c1 ip link set dev eth0 address 02:00:00:00:01:02
      ip netns exec c2 ip link set dev eth0 address 02:00:00:00:02:02
      ip link set veth-c1 master br0
      ip link set veth-c2 master br0
      ip link set veth-c1 up
      ip link set veth-c2 up
      ip netns exec c1 ip addr add 172.16.100.101/24 dev eth0
      ip netns exec c2 ip addr add 172.16.100.102/24 dev eth0
      ip netns exec c1 ip link set eth0 up
      ip netns exec c2 ip link set eth0 up
      ip netns exec c1 ip link set lo up
      ip netns exec c2 ip link set lo up
      ip netns exec c1 ip route add default via 172.16.100.1
      ip netns exec c2 ip route add default via 172.16.100.1 dev eth0
      """;

  /** Runs {@code script} in a fresh world, requiring every command to succeed. */
  static World run(String script) {
    ShellSession shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    String[] lines = script.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      CommandOutcome outcome = shell.execute(root, lines[i], i + 1);
      assertThat(outcome.exit())
          .as("line %d `%s`: %s", i + 1, outcome.cmd(), outcome.stderr())
          .isZero();
    }
    return shell.world();
  }
}
