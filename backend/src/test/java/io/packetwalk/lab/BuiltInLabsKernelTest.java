package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.World;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two-host built-in labs run on the real kernel too: the lab is built in the simulator, its
 * world written as one script (each host a namespace, the underlay switch a bridge) and run in
 * private namespaces, where a container on host1 reaches host2 (a pod there, or host2 itself) as it
 * does in the simulator.
 */
class BuiltInLabsKernelTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bridge-two-containers, c1, 172.17.0.3",
    "router-namespace, c1, 10.0.2.2",
    "masquerade, c1, 198.51.100.1",
    "flannel-vxlan, pod1, 10.244.2.2",
    "flannel-host-gw, pod1, 10.244.2.2",
    "macvlan, c1, 192.168.60.20"
  })
  void aContainerOnHostOneReachesHostTwoOnTheRealKernel(
      String lab, String from, String target, @TempDir Path scratch) throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    if (unavailable.isPresent()) {
      System.out.println("BuiltInLabsKernelTest skipped: " + unavailable.get());
    }
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    WorldScript script = script(lab);
    String pod = WorldScript.netnsOf("host1", from);
    List<String> real =
        KernelRun.run(
            script.text(),
            List.of("ip netns exec " + pod + " ping -c 2 -W 1 " + target + "; echo \"exit $?\""),
            scratch);

    assertThat(real.getFirst()).contains("2 received").endsWith("exit 0\n");
  }

  /**
   * The published port: the container's listener is started on the real machine too (a lab document
   * keeps no processes), and the internet host connects to host1's port 8080.
   */
  @Test
  void thePublishedPortReachesTheContainerOnTheRealKernel(@TempDir Path scratch) throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    WorldScript script = script("publish-port");
    String container = WorldScript.netnsOf("host1", "c1");
    String internet = WorldScript.netnsOf("internet", "");
    List<String> real =
        KernelRun.run(
            script.text(),
            List.of(
                "ip netns exec " + container + " nc -l -k 80 &\nsleep 0.5",
                "ip netns exec " + internet + " nc -z -w 2 198.51.100.2 8080; echo \"exit $?\""),
            scratch);

    assertThat(real.get(1)).endsWith("exit 0\n");
  }

  /**
   * br_netfilter's pitfall is the real kernel's: with FORWARD's policy DROP, c1 cannot ping c2 on
   * the same bridge, and can once bridge-nf-call-iptables is 0 in host1's namespace.
   */
  @Test
  void theBrNetfilterPitfallHappensOnTheRealKernel(@TempDir Path scratch) throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    WorldScript script = script("br-netfilter");
    String c1 = WorldScript.netnsOf("host1", "c1");
    String host1 = WorldScript.netnsOf("host1", "");
    String ping = "ip netns exec " + c1 + " ping -c 1 -W 1 172.17.0.3; echo \"exit $?\"";
    List<String> real =
        KernelRun.run(
            script.text(),
            List.of(
                ping,
                "ip netns exec " + host1 + " sysctl -q -w net.bridge.bridge-nf-call-iptables=0",
                ping),
            scratch);

    assertThat(real.get(0)).contains("0 received").endsWith("exit 1\n");
    assertThat(real.get(2)).contains("1 received").endsWith("exit 0\n");
  }

  private static WorldScript script(String lab) throws IOException {
    World world = LabScripts.run(builtIn(lab));
    WorldScript script = WorldScript.of(WorldSnapshot.document(world, lab));
    assertThat(script.problems()).isEmpty();
    return script;
  }

  /**
   * flannel's UDP lab needs its flanneld, which the real machine does not run: its script still
   * builds on the real kernel, with flannel0 holding the address flanneld gave it (and no carrier,
   * as nobody reads it there).
   */
  @Test
  void theFlannelUdpLabBuildsOnTheRealKernelWithoutItsDaemon(@TempDir Path scratch)
      throws Exception {
    Optional<String> unavailable = KernelRun.unavailableReason();
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));

    World world = LabScripts.run(builtIn("flannel-udp"));
    WorldScript script = WorldScript.of(WorldSnapshot.document(world, "flannel-udp"));
    assertThat(script.problems()).isEmpty();
    String host1 = WorldScript.netnsOf("host1", "");
    List<String> real =
        KernelRun.run(
            script.text(),
            List.of(
                "ip netns exec " + host1 + " ip -br addr show flannel0",
                "ip netns exec " + host1 + " ip route show 10.244.0.0/16"),
            scratch);

    assertThat(real.get(0)).startsWith("flannel0").contains("10.244.1.0/16");
    assertThat(real.get(1)).contains("10.244.0.0/16 dev flannel0");
  }

  private static String builtIn(String id) throws IOException {
    try (InputStream in =
        BuiltInLabsKernelTest.class.getClassLoader().getResourceAsStream("labs/" + id + ".sh")) {
      assertThat(in).as("labs/%s.sh on the classpath", id).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
