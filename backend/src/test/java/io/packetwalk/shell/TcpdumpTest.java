package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import org.junit.jupiter.api.Test;

class TcpdumpTest {

  private final ShellSession session = new ShellSession(World.withOneHost());
  private final NetNamespace root = session.world().defaultHost().root();

  private CommandOutcome run(String line) {
    return session.execute(root, line, 1);
  }

  private void twoHosts() {
    """
    ip netns add a
    ip netns add b
    ip link add eth0 netns a type veth peer name eth0 netns b
    ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
    ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
    ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=1
    ip netns exec b sysctl -w net.ipv6.conf.all.disable_ipv6=1
    ip netns exec a ip addr add 10.33.0.1/24 dev eth0
    ip netns exec b ip addr add 10.33.0.2/24 dev eth0
    ip netns exec a ip link set eth0 up
    ip netns exec b ip link set eth0 up
    ip netns exec a ping -c 1 10.33.0.2
    """
        .lines()
        .forEach(this::run);
  }

  @Test
  void printsTheFramesThatCrossedTheDeviceSinceTheLastLook() {
    twoHosts();
    CommandOutcome dump = run("ip netns exec b tcpdump -n -t -i eth0");
    assertThat(dump.exit()).isZero();
    assertThat(dump.stdout())
        .isEqualTo(
            """
            ARP, Request who-has 10.33.0.2 tell 10.33.0.1, length 28
            ARP, Reply 10.33.0.2 is-at 02:00:00:00:0b:01, length 28
            IP 10.33.0.1 > 10.33.0.2: ICMP echo request, id 1, seq 1, length 64
            IP 10.33.0.2 > 10.33.0.1: ICMP echo reply, id 1, seq 1, length 64
            """
                .replace("id 1,", "id " + icmpId(dump.stdout()) + ","));
    assertThat(dump.stderr())
        .isEqualTo(
            """
            tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
            listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
            4 packets captured
            4 packets received by filter
            0 packets dropped by kernel
            """);
    assertThat(run("ip netns exec b tcpdump -n -t -i eth0").stdout()).isEmpty();
  }

  @Test
  void filtersAndPrintsLinkHeadersWithE() {
    twoHosts();
    CommandOutcome dump = run("ip netns exec b tcpdump -c 1 -n -e -t -i eth0 icmp");
    assertThat(dump.stdout())
        .startsWith(
            "02:00:00:00:0a:01 > 02:00:00:00:0b:01, ethertype IPv4 (0x0800), length 98: "
                + "10.33.0.1 > 10.33.0.2: ICMP echo request, id ");
    assertThat(dump.stdout().lines()).hasSize(1);
  }

  @Test
  void reportsMissingDevices() {
    CommandOutcome dump = run("tcpdump -i nosuchdev -c 1");
    assertThat(dump.exit()).isEqualTo(1);
    assertThat(dump.stderr())
        .isEqualTo("tcpdump: nosuchdev: No such device exists\n(No such device exists)\n");
  }

  private static String icmpId(String text) {
    int at = text.indexOf(", id ") + 5;
    return text.substring(at, text.indexOf(',', at));
  }
}
