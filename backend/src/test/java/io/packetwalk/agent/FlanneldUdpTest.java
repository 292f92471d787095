package io.packetwalk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * flannel's UDP backend across two nodes, each a namespace (h1, h2) on one underlay veth, each with
 * a pod behind cni0 and Packetwalk's flanneld: a pod's packet leaves the kernel into flanneld,
 * crosses the underlay as UDP data to port 8285 and is written back into the other node's kernel.
 */
class FlanneldUdpTest {

  private final ShellSession session = new ShellSession(World.withOneHost());
  private final NetNamespace root = session.world().defaultHost().root();

  private CommandOutcome run(String line) {
    return session.execute(root, line, 1);
  }

  private void ok(String line) {
    CommandOutcome outcome = run(line);
    assertThat(outcome.exit()).as(line + ": " + outcome.stderr()).isZero();
  }

  /** Two nodes, a pod on each; flanneld is not started yet. */
  private void twoNodes() {
    for (String ns : List.of("h1", "h2", "pod1", "pod2")) {
      ok("ip netns add " + ns);
    }
    ok("ip link add eth0 netns h1 type veth peer name eth0 netns h2");
    node("h1", "192.0.2.11", "10.244.1", "pod1");
    node("h2", "192.0.2.12", "10.244.2", "pod2");
  }

  private void node(String host, String publicIp, String subnet, String pod) {
    String in = "ip netns exec " + host + " ";
    ok(in + "ip addr add " + publicIp + "/24 dev eth0");
    ok(in + "ip link set eth0 up");
    ok(in + "ip link set lo up");
    ok(in + "sysctl -q -w net.ipv4.ip_forward=1");
    ok(in + "ip link add cni0 type bridge");
    ok(in + "ip addr add " + subnet + ".1/24 dev cni0");
    ok(in + "ip link set cni0 up");
    ok(in + "ip link add veth0 type veth peer name eth0 netns " + pod);
    ok(in + "ip link set veth0 master cni0");
    ok(in + "ip link set veth0 up");
    String p = "ip netns exec " + pod + " ";
    ok(p + "ip addr add " + subnet + ".2/24 dev eth0");
    ok(p + "ip link set eth0 up");
    ok(p + "ip link set lo up");
    ok(p + "ip route add default via " + subnet + ".1");
  }

  private void flanneld() {
    CommandOutcome one =
        run(
            "ip netns exec h1 flanneld --backend=udp --iface=eth0 --network=10.244.0.0/16"
                + " --subnet=10.244.1.0/24 --peer=10.244.2.0/24=192.0.2.12");
    assertThat(one.exit()).as(one.stderr()).isZero();
    assertThat(one.stdout()).startsWith("flanneld (pid ").contains("10.244.1.0/16");
    ok(
        "ip netns exec h2 flanneld -iface eth0 -network 10.244.0.0/16 -subnet 10.244.2.0/24"
            + " -peer 10.244.1.0/24=192.0.2.11 &");
  }

  @Test
  void flanneldConfiguresFlannel0AsTheSeedShows() {
    twoNodes();
    flanneld();

    assertThat(run("ip netns exec h1 ip route").stdout())
        .contains("10.244.0.0/16 dev flannel0 proto kernel scope link src 10.244.1.0 \n");
    assertThat(run("ip netns exec h1 ip link show flannel0").stdout())
        .startsWith(
            "5: flannel0: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1472 qdisc pfifo_fast"
                + " state UP mode DEFAULT group default qlen 500\n    link/none \n");
    assertThat(run("ip netns exec h1 ip tuntap show").stdout()).isEqualTo("flannel0: tun\n");
    assertThat(run("ip netns exec h1 ip -d link show flannel0").stdout())
        .contains("tun type tun pi off vnet_hdr off persist off addrgenmode random");
  }

  @Test
  void aPingCrossesIntoUserSpaceAndBackOnBothNodes() {
    twoNodes();
    flanneld();

    CommandOutcome ping = run("ip netns exec pod1 ping -c 1 10.244.2.2");

    assertThat(ping.exit()).as(ping.stdout() + ping.stderr()).isZero();
    // Each node's kernel forwards (−1) and each flanneld decrements too (−1): 64 − 4 on the way.
    assertThat(ping.stdout()).contains("from 10.244.2.2: icmp_seq=1 ttl=60");
    Trace trace = session.takeLastTrace().orElseThrow();
    List<String> crossings =
        trace.steps().stream()
            .filter(
                s -> s.kind() == StepKind.USERSPACE_READ || s.kind() == StepKind.USERSPACE_WRITE)
            .map(s -> s.kind() + " " + s.location().netns() + " " + what(s))
            .limit(4)
            .toList();
    assertThat(crossings)
        .containsExactly(
            "USERSPACE_READ h1 flannel0",
            "USERSPACE_WRITE h1 UDP socket on port 8285",
            "USERSPACE_READ h2 UDP socket on port 8285",
            "USERSPACE_WRITE h2 flannel0");
    Step firstRead =
        trace.steps().stream().filter(s -> s.kind() == StepKind.USERSPACE_READ).findFirst().get();
    assertThat(firstRead.sentence())
        .startsWith("flanneld (pid ")
        .contains("reads the 84-byte IP packet 10.244.1.2 → 10.244.2.2 (no link header) from fd 3")
        .contains("TUN device flannel0");
    assertThat(firstRead.disposition()).isEqualTo(Disposition.DELIVERED);
    Step peerWrite =
        trace.steps().stream()
            .filter(s -> s.kind() == StepKind.USERSPACE_WRITE && s.location().netns().equals("h2"))
            .findFirst()
            .get();
    // What the peer flanneld writes re-enters h2's kernel on flannel0 and is forwarded to the pod.
    assertThat(trace.steps())
        .anySatisfy(s -> {
          assertThat(s.causeSeq()).isEqualTo(peerWrite.seq());
          assertThat(s.kind()).isEqualTo(StepKind.DEVICE_RX);
          assertThat(s.location().device()).isEqualTo("flannel0");
        });
    assertThat(run("ip netns exec h1 ip -s link show flannel0").stdout())
        .contains("            84       1      0       0       0       0 ");
  }

  private static String what(Step s) {
    String sentence = s.sentence();
    return sentence.contains("TUN device flannel0") ? "flannel0" : "UDP socket on port 8285";
  }

  @Test
  void aPacketForASubnetWithoutPeerIsDroppedByFlanneldWithItsReason() {
    twoNodes();
    flanneld();

    CommandOutcome ping = run("ip netns exec pod1 ping -c 1 -W 1 10.244.7.9");

    assertThat(ping.exit()).isEqualTo(1);
    Trace trace = session.takeLastTrace().orElseThrow();
    assertThat(trace.steps())
        .anySatisfy(s -> {
          assertThat(s.disposition()).isEqualTo(Disposition.PROCESS_DISCARD);
          assertThat(s.sentence())
              .contains("knows no peer whose subnet holds 10.244.7.9")
              .contains("10.244.2.0/24 at 192.0.2.12")
              .contains("ICMP, which never gets an ICMP error back");
        });
  }

  @Test
  void aTcpSynWithoutPeerGetsANetUnreachableThatTheKernelDropsAsAMartian() {
    twoNodes();
    flanneld();

    CommandOutcome nc = run("ip netns exec pod1 nc -z -v -w 1 10.244.7.9 80");

    // flanneld answers from flannel0's own address, so the node's kernel takes the ICMP error
    // written back into flannel0 for a martian (a source it owns) and nc waits in vain.
    assertThat(nc.exit()).isEqualTo(1);
    assertThat(nc.stderr()).contains("timed out");
    Trace trace = session.takeLastTrace().orElseThrow();
    assertThat(trace.steps())
        .anySatisfy(s -> {
          assertThat(s.kind()).isEqualTo(StepKind.USERSPACE_WRITE);
          assertThat(s.location().netns()).isEqualTo("h1");
          assertThat(s.sentence())
              .contains("IP packet 10.244.1.0 → 10.244.1.2")
              .contains("TUN device flannel0");
        })
        .anySatisfy(s -> {
          assertThat(s.disposition()).isEqualTo(Disposition.MARTIAN);
          assertThat(s.sentence()).contains("source 10.244.1.0 is one of h1's own addresses");
        });
  }

  @Test
  void withoutFlanneldFlannel0HasNoReaderAndDropsWithThatReason() {
    twoNodes();
    ok("ip netns exec h1 ip tuntap add dev flannel0 mode tun");
    ok("ip netns exec h1 ip link set flannel0 up");
    ok("ip netns exec h1 ip addr add 10.244.1.0/16 dev flannel0");

    assertThat(run("ip netns exec h1 ip route").stdout())
        .contains("10.244.0.0/16 dev flannel0 proto kernel scope link src 10.244.1.0 linkdown");
    run("ip netns exec pod1 ping -c 1 -W 1 10.244.2.2");

    Trace trace = session.takeLastTrace().orElseThrow();
    assertThat(trace.steps())
        .anySatisfy(s -> {
          assertThat(s.disposition()).isEqualTo(Disposition.LINK_DOWN);
          assertThat(s.sentence()).contains("flannel0").contains("has no process reading it");
        });
    assertThat(run("ip netns exec h1 ip -s link show flannel0").stdout())
        .contains("             0       0      0       1       0       0 ");
  }

  @Test
  void flanneldAttachesToAnExistingFlannel0AndKillGivesItsCarrierBack() {
    twoNodes();
    ok("ip netns exec h1 ip tuntap add dev flannel0 mode tun");
    CommandOutcome started =
        run(
            "ip netns exec h1 flanneld --iface=eth0 --network=10.244.0.0/16"
                + " --subnet=10.244.1.0/24");
    assertThat(started.exit()).as(started.stderr()).isZero();
    String pid = started.stdout().replaceAll("(?s)^flanneld \\(pid (\\d+)\\).*", "$1");
    assertThat(run("ip netns exec h1 ip link show flannel0").stdout()).contains("LOWER_UP");

    assertThat(
            run("ip netns exec h1 flanneld --iface=eth0 --network=10.244.0.0/16"
                    + " --subnet=10.244.1.0/24")
                .stderr())
        .isEqualTo("flanneld: failed to open TUN device: flannel0: device or resource busy\n");
    ok("kill " + pid);

    assertThat(run("ip netns exec h1 ip link show flannel0").stdout())
        .contains("<NO-CARRIER,POINTOPOINT,MULTICAST,NOARP,UP>")
        .contains("state DOWN");
    // The random link-local it got with carrier stays, and so does addrgenmode random, also down.
    assertThat(run("ip netns exec h1 ip -6 addr show dev flannel0").stdout())
        .contains("/64 scope link stable-privacy \n");
    ok("ip netns exec h1 ip link set flannel0 down");
    assertThat(run("ip netns exec h1 ip -d link show flannel0").stdout())
        .contains("addrgenmode random");
    assertThat(run("kill " + pid).stderr())
        .isEqualTo("bash: kill: (" + pid + ") - No such process\n");
  }

  @Test
  void aFlannel0ThatFlanneldMadeGoesAwayWhenItExits() {
    twoNodes();
    flanneld();
    ok("kill 1000");

    assertThat(run("ip netns exec h1 ip link show flannel0").stderr())
        .isEqualTo("Device \"flannel0\" does not exist.\n");
  }

  @Test
  void badFlagsAreNamed() {
    twoNodes();
    assertThat(
            run("ip netns exec h1 flanneld --network=10.244.0.0/16 --subnet=10.245.1.0/24 --iface=eth0")
                .stderr())
        .isEqualTo(
            "flanneld: --subnet 10.245.1.0/24 does not lie inside --network 10.244.0.0/16\n");
    assertThat(
            run("ip netns exec h1 flanneld --network=10.244.0.0/16 --subnet=10.244.1.0/33 --iface=eth0")
                .stderr())
        .isEqualTo("flanneld: invalid --subnet \"10.244.1.0/33\": not an IPv4 CIDR\n");
    assertThat(
            run("ip netns exec h1 flanneld --network=10.244.0.0/16 --subnet=10.244.1.0/24 --iface=eth9")
                .stderr())
        .isEqualTo(
            "flanneld: error looking up interface eth9: route ip+net: no such network interface\n");
    assertThat(
            run("ip netns exec h1 flanneld --backend=vxlan --network=10.244.0.0/16 --subnet=10.244.1.0/24")
                .stderr())
        .startsWith("flanneld: backend \"vxlan\" is not simulated");
    assertThat(
            run("ip netns exec h1 flanneld --network=10.244.0.0/16 --subnet=10.244.1.0/24 &")
                .stderr())
        .as("a background job prints nothing, not even its failure")
        .isEmpty();
    ok("ip netns exec h1 nc -u -l 8285 &");
    assertThat(
            run("ip netns exec h1 flanneld --network=10.244.0.0/16 --subnet=10.244.1.0/24 --iface=eth0")
                .stderr())
        .isEqualTo(
            "flanneld: failed to start listening on UDP socket: listen udp4 :8285: bind: address already in use\n");
    // The failed start closed flannel0 again: it was made for that run and is gone.
    assertThat(run("ip netns exec h1 ip tuntap show").stdout()).isEmpty();
    assertThat(run("flanneld --help").stdout()).contains("Packetwalk's simulated flanneld");
  }
}
