package io.packetwalk.bench;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The command scripts the benchmarks build their worlds from. Every script runs unchanged under
 * bash as root in real network namespaces, and every line must succeed: a benchmark that measured
 * failing commands would measure error paths.
 */
public final class BenchLabs {

  /** The address ping targets in {@link #threeNamespacesOnABridge()}. */
  public static final String THREE_NAMESPACES_TARGET = "10.0.0.3";

  private BenchLabs() {}

  /**
   * Three namespaces, each with a veth into bridge {@code br0} in the root namespace (the layout
   * Docker gives containers on one network). A ping from ns1 to ns3 crosses ns1, the root namespace
   * with its bridge, and ns3.
   */
  public static String threeNamespacesOnABridge() {
    return namespacesOnABridge(3, "ns");
  }

  /**
   * {@code count} namespaces {@code PREFIX1}…{@code PREFIXcount}, each with a veth pair whose host
   * end ({@code vethI}) is a port of bridge {@code br0} in the root namespace and whose other end
   * ({@code ceI}) is moved into the namespace and given {@code 10.0.H.L/16}, where {@code H.L} is
   * {@code I} in base 256. Everything is brought up, loopbacks included.
   */
  public static String namespacesOnABridge(int count, String prefix) {
    if (count < 1 || count > 65_000) {
      throw new IllegalArgumentException("namespace count " + count + " is not in 1..65000");
    }
    StringBuilder script = new StringBuilder();
    script.append("ip link add br0 type bridge\n");
    script.append("ip link set br0 up\n");
    for (int i = 1; i <= count; i++) {
      String netns = prefix + i;
      String host = "veth" + i;
      String inside = "ce" + i;
      script.append("ip netns add ").append(netns).append('\n');
      script.append("ip link add ").append(host).append(" type veth peer name ").append(inside);
      script.append('\n');
      script.append("ip link set ").append(host).append(" master br0\n");
      script.append("ip link set ").append(host).append(" up\n");
      script.append("ip link set ").append(inside).append(" netns ").append(netns).append('\n');
      script.append(inNetns(netns, "ip link set lo up"));
      script.append(inNetns(netns, "ip addr add " + address(i) + "/16 dev " + inside));
      script.append(inNetns(netns, "ip link set " + inside + " up"));
    }
    return script.toString();
  }

  /** The address {@link #namespacesOnABridge} gives the {@code index}-th namespace. */
  public static String address(int index) {
    return "10.0." + (index / 256) + "." + (index % 256);
  }

  /**
   * A root namespace with a veth pair veth0/veth1, both up, veth0 holding {@code 192.168.0.2/24} (a
   * veth rather than a dummy, which needs a kernel module), a default route via 192.168.0.1 and
   * {@code count} further routes {@code 10.H.L.0/24 via 192.168.0.1}, one per {@code I} in
   * 0…count-1 ({@code H.L} is {@code I} in base 256), in ascending order.
   */
  public static String routeTable(int count) {
    if (count < 0 || count > 65_536) {
      throw new IllegalArgumentException("route count " + count + " is not in 0..65536");
    }
    StringBuilder script = new StringBuilder();
    script.append("ip link add veth0 type veth peer name veth1\n");
    script.append("ip link set veth0 up\n");
    script.append("ip link set veth1 up\n");
    script.append("ip addr add 192.168.0.2/24 dev veth0\n");
    script.append("ip route add default via 192.168.0.1\n");
    for (int i = 0; i < count; i++) {
      script.append("ip route add 10.").append(i / 256).append('.');
      script.append(i % 256).append(".0/24 via 192.168.0.1\n");
    }
    return script.toString();
  }

  private static String inNetns(String netns, String command) {
    return "ip netns exec " + netns + " " + command + "\n";
  }

  /** A shell over a fresh world that has run {@code script} in the root namespace. */
  public static ShellSession build(String script) {
    ShellSession shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    List<CommandOutcome> outcomes = new ArrayList<>();
    for (String line : script.lines().toList()) {
      outcomes.add(shell.execute(root, line, outcomes.size() + 1));
    }
    requireSuccess(outcomes);
    return shell;
  }

  /** Fails, naming the first failed command and how many failed, when any command failed. */
  public static void requireSuccess(List<CommandOutcome> outcomes) {
    List<CommandOutcome> failed = outcomes.stream().filter(o -> o.exit() != 0).toList();
    if (!failed.isEmpty()) {
      CommandOutcome first = failed.getFirst();
      throw new IllegalStateException(
          failed.size()
              + " command(s) of the benchmark script failed; the first, line "
              + first.line()
              + " ("
              + first.cmd()
              + "), exited "
              + first.exit()
              + ": "
              + first.stderr().strip());
    }
  }

  /** The named namespace, which the script must have created. */
  public static NetNamespace netns(World world, String name) {
    return world
        .defaultHost()
        .netns(name)
        .orElseThrow(() -> new IllegalStateException("the script made no namespace " + name));
  }
}
