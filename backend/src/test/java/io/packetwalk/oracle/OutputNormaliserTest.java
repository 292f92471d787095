package io.packetwalk.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.shell.CommandOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNormaliserTest {

  private static String normalise(String script, String cmd, String text) {
    return OutputNormaliser.forScript(script).normalise(CommandLine.parse(cmd), text);
  }

  @Test
  void pingTimingsAndPipeCountsAreMasked() {
    String real =
        """
        PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
        64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.054 ms

        --- 10.0.0.2 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 202ms
        rtt min/avg/max/mdev = 424.044/525.684/627.325/101.640 ms, pipe 2
        """;
    assertThat(normalise("", "ip netns exec a ping -c 2 10.0.0.2", real))
        .isEqualTo(
            """
            PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
            64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=<t> ms

            --- 10.0.0.2 ping statistics ---
            2 packets transmitted, 2 received, 0% packet loss, time <t>ms
            rtt min/avg/max/mdev = <t> ms
            """);
    assertThat(
            normalise(
                "", "ping -c 2 10.0.0.6", "+2 errors, 100% packet loss, time 2005ms\npipe 2\n"))
        .isEqualTo("+2 errors, 100% packet loss, time <t>ms\n");
  }

  @Test
  void timingWordsOutsidePingAreLeftAlone() {
    assertThat(normalise("", "ip route", "10.0.0.0/24 dev e0 time=1 ms\n"))
        .isEqualTo("10.0.0.0/24 dev e0 time=1 ms\n");
  }

  @Test
  void tentativeLinkLocalIsTreatedAsSettled() {
    String script = "ip link set dev veth-a address 02:00:00:00:0a:01\n";
    assertThat(
            normalise(
                script,
                "ip addr",
                "    inet6 fe80::ff:fe00:a01/64 scope link tentative \n"
                    + "       valid_lft forever preferred_lft forever\n"))
        .isEqualTo(
            "    inet6 fe80::ff:fe00:a01/64 scope link \n"
                + "       valid_lft forever preferred_lft forever\n");
  }

  @Test
  void tentativeIsAlsoDroppedFromOnelineOutput() {
    String script = "ip link set dev br0 address 02:00:00:00:00:b0\n";
    assertThat(
            normalise(
                script,
                "ip -o addr show dev br0",
                "2: br0    inet6 fe80::ff:fe00:b0/64 scope link tentative \\       valid_lft forever\n"))
        .isEqualTo("2: br0    inet6 fe80::ff:fe00:b0/64 scope link \\       valid_lft forever\n");
  }

  @Test
  void macsTheScriptDidNotSetAreMaskedWithWhatDerivesFromThem() {
    String script = "ip link set dev br0 address 02:00:00:00:00:b0\n";
    assertThat(
            normalise(
                script, "ip link", "    link/ether 5e:71:93:46:25:0c brd ff:ff:ff:ff:ff:ff\n"))
        .isEqualTo("    link/ether <mac> brd ff:ff:ff:ff:ff:ff\n");
    assertThat(
            normalise(
                script, "ip link", "    link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff\n"))
        .isEqualTo("    link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff\n");
    assertThat(normalise(script, "brctl show", "br-0\t\t8000.aed6211e15ca\tno\t\t\n"))
        .isEqualTo("br-0\t\t8000.<mac>\tno\t\t\n");
    assertThat(normalise(script, "brctl show", "br0\t\t8000.0200000000b0\tno\t\t\n"))
        .isEqualTo("br0\t\t8000.0200000000b0\tno\t\t\n");
    assertThat(normalise(script, "brctl show", "br1\t\t8000.000000000000\tno\t\t\n"))
        .isEqualTo("br1\t\t8000.000000000000\tno\t\t\n");
    assertThat(
            normalise(
                script,
                "ip -d link",
                "bridge_id 8000.2:0:0:0:0:b0 designated_root 8000.ae:d6:21:1e:15:ca "))
        .isEqualTo("bridge_id 8000.2:0:0:0:0:b0 designated_root 8000.<mac> ");
    assertThat(
            normalise(
                script,
                "ip -br addr",
                "eth0 UP 10.0.0.1/24 fe80::5428:3ff:fee9:d6ad/64 fe80::ff:fe00:b0/64 \n"))
        .isEqualTo("eth0 UP 10.0.0.1/24 fe80::<eui64>/64 fe80::ff:fe00:b0/64 \n");
  }

  @Test
  void linkLocalAddressIsDerivedFromTheMacAsTheKernelPrintsIt() {
    assertThat(RandomMacs.linkLocal(0x020000000a01L)).isEqualTo("fe80::ff:fe00:a01");
    assertThat(RandomMacs.linkLocal(0x562803e9d6adL)).isEqualTo("fe80::5428:3ff:fee9:d6ad");
    assertThat(RandomMacs.linkLocal(0x0200000000b0L)).isEqualTo("fe80::ff:fe00:b0");
  }

  @Test
  void neighbourListingsAreSortedButArpKeepsItsHeaderFirst() {
    assertThat(
            normalise(
                "02:00:00:00:0b:01",
                "ip netns exec a ip neigh show dev eth0",
                "192.168.50.77 FAILED \n192.168.50.2 lladdr 02:00:00:00:0b:01 REACHABLE \n"))
        .isEqualTo("192.168.50.2 lladdr 02:00:00:00:0b:01 REACHABLE \n192.168.50.77 FAILED \n");
    String arp =
        "Address                  HWtype  HWaddress           Flags Mask            Iface\n"
            + "192.168.60.50            ether   02:00:00:00:00:50   CM                    eth0\n"
            + "192.168.60.2             ether   02:00:00:00:0b:01   C                     eth0\n";
    assertThat(normalise("02:00:00:00:00:50 02:00:00:00:0b:01", "arp -n", arp).lines().toList())
        .containsExactly(
            "Address                  HWtype  HWaddress           Flags Mask            Iface",
            "192.168.60.2             ether   02:00:00:00:0b:01   C                     eth0",
            "192.168.60.50            ether   02:00:00:00:00:50   CM                    eth0");
    assertThat(normalise("", "ip route", "b\na\n")).isEqualTo("b\na\n");
  }

  @Test
  void multicastSelfEntriesLeaveTheFdbListing() {
    String fdb =
        "33:33:00:00:00:01 dev br0 self permanent\n"
            + "01:00:5e:00:00:6a dev br0 self permanent\n"
            + "02:00:00:00:01:02 dev veth-h1 master br0 \n"
            + "02:00:00:00:01:01 dev veth-h1 master br0 permanent\n"
            + "33:33:ff:00:01:01 dev veth-h1 self permanent\n";
    assertThat(normalise("02:00:00:00:01:02 02:00:00:00:01:01", "bridge fdb show br br0", fdb))
        .isEqualTo(
            "02:00:00:00:01:02 dev veth-h1 master br0 \n"
                + "02:00:00:00:01:01 dev veth-h1 master br0 permanent\n");
    assertThat(normalise("", "bridge fdb show dev p2", "33:33:00:00:00:01 self permanent\n"))
        .isEmpty();
  }

  @Test
  void runningTimersAreMasked() {
    assertThat(normalise("", "ip -d link show br0", "hello_timer    0.00 gc_timer   14.95 x"))
        .isEqualTo("hello_timer <t> gc_timer <t> x");
    assertThat(
            normalise(
                "02:00:00:00:01:02",
                "brctl showmacs sw",
                "  1\t02:00:00:00:01:02\tno\t\t   0.04\n"))
        .isEqualTo("  1\t02:00:00:00:01:02\tno\t\t<t>\n");
    assertThat(normalise("", "ip route get 10.1.2.2", "    cache expires 599sec mtu 1400 \n"))
        .isEqualTo("    cache expires <t>sec mtu 1400 \n");
    assertThat(
            normalise(
                "02:00:00:00:0a:01",
                "bridge -s fdb show",
                "02:00:00:00:0a:01 dev p1 used 3/3 master sw\n"))
        .isEqualTo("02:00:00:00:0a:01 dev p1 used <t>/<t> master sw\n");
  }

  @Test
  void queueCountsThatFollowTheCpuCountAreMasked() {
    assertThat(
            normalise(
                "",
                "ip -d link show veth0",
                "veth addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso"))
        .isEqualTo("veth addrgenmode eui64 numtxqueues <n> numrxqueues <n> gso");
  }

  @Test
  void commandLinesAreSeenThroughNetnsExec() {
    CommandLine c = CommandLine.parse("ip netns exec a ip -4 neigh show dev eth0");
    assertThat(c.tool()).isEqualTo(CommandLine.Tool.IP);
    assertThat(c.object()).isEqualTo("neigh");
    assertThat(c.listsNeighbours()).isTrue();
    assertThat(CommandLine.parse("ip n").listsNeighbours()).isTrue();
    assertThat(CommandLine.parse("ip neigh add 10.0.0.1 dev x").listsNeighbours()).isFalse();
    assertThat(CommandLine.parse("ip netns list").listsNeighbours()).isFalse();
    assertThat(CommandLine.parse("ip netns exec srv nc -l 8080 &").tool())
        .isEqualTo(CommandLine.Tool.NC);
    assertThat(CommandLine.Tool.NC.comparesOutput()).isFalse();
  }

  @Test
  void comparisonReportsLineCommandAndDiff() {
    Scenario scenario = new Scenario("x.sh", Path.of("x.sh"), "ip link\nip route\n");
    List<CommandOutcome> kernel =
        List.of(
            new CommandOutcome(1, "ip link", 0, "1: lo\n", ""),
            new CommandOutcome(2, "ip route", 0, "default via 10.0.0.1 dev eth0 \n", ""));
    List<CommandOutcome> sim =
        List.of(
            new CommandOutcome(1, "ip link", 0, "1: lo\n", ""),
            new CommandOutcome(2, "ip route", 1, "default via 10.0.0.1 dev eth0\n", "oops\n"));
    OutcomeComparison.Result result = OutcomeComparison.compare(scenario, kernel, sim);
    assertThat(result.matching()).isEqualTo(1);
    assertThat(result.report(10))
        .contains("line 2: ip route")
        .contains("exit: kernel 0, simulator 1")
        .contains("- default via 10.0.0.1 dev eth0 $")
        .contains("+ default via 10.0.0.1 dev eth0$")
        .contains("+ oops$");
  }

  @Test
  void kernelRunOutputIsReadBackByLineNumber(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("10.cmd"), "ip link\n");
    java.nio.file.Files.writeString(dir.resolve("10.rc"), "0\n");
    java.nio.file.Files.writeString(dir.resolve("10.out"), "1: lo\n");
    java.nio.file.Files.writeString(dir.resolve("10.err"), "");
    java.nio.file.Files.writeString(dir.resolve("9.cmd"), "ip foo\n");
    java.nio.file.Files.writeString(dir.resolve("9.rc"), "1\n");
    java.nio.file.Files.writeString(dir.resolve("9.out"), "");
    java.nio.file.Files.writeString(dir.resolve("9.err"), "Object \"foo\" is unknown\n");
    assertThat(KernelRunner.read(dir))
        .containsExactly(
            new CommandOutcome(9, "ip foo", 1, "", "Object \"foo\" is unknown\n"),
            new CommandOutcome(10, "ip link", 0, "1: lo\n", ""));
  }
}
