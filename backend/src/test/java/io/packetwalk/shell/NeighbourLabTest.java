package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 23-neigh-permanent.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class NeighbourLabTest {

  private final Lab lab = Lab.run("23-neigh-permanent.sh");

  @Test
  void addsEntriesInEachNudState() {
    // ip netns exec a ip neigh add 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0 nud permanent
    lab.expect(12, 0, "", "");
    // ip netns exec a ip neigh add 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0 nud permanent
    lab.expect(
        13,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip netns exec a ip neigh add 10.44.0.3 lladdr 02:00:00:00:0b:03 dev eth0
    lab.expect(14, 0, "", "");
    // ip netns exec a ip neigh add 10.44.0.4 lladdr 02:00:00:00:0b:04 dev eth0 nud reachable
    lab.expect(15, 0, "", "");
    // ip netns exec a ip neigh add 10.44.0.5 lladdr 02:00:00:00:0b:05 dev eth0 nud stale
    lab.expect(16, 0, "", "");
    // ip netns exec a ip neigh add 10.44.0.6 dev eth0 nud noarp
    lab.expect(
        17,
        2,
        "",
        """
        Error: No link layer address given.
        """);
    // ip netns exec a ip neigh show
    lab.expect(
        18,
        0,
        """
        10.44.0.4 dev eth0 lladdr 02:00:00:00:0b:04 REACHABLE\s
        10.44.0.5 dev eth0 lladdr 02:00:00:00:0b:05 STALE\s
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        10.44.0.3 dev eth0 lladdr 02:00:00:00:0b:03 PERMANENT\s
        """,
        "");
  }

  @Test
  void permanentEntriesAreUsedWithoutArp() {
    // ip netns exec a ping -c 1 -W 1 10.44.0.2
    lab.expect(
        19,
        0,
        """
        PING 10.44.0.2 (10.44.0.2) 56(84) bytes of data.
        64 bytes from 10.44.0.2: icmp_seq=1 ttl=64 time=0.039 ms

        --- 10.44.0.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.039/0.039/0.039/0.000 ms
        """,
        "");
    // ip netns exec a ip neigh show 10.44.0.2
    lab.expect(
        20,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        """,
        "");
    // ip netns exec b ip neigh
    lab.expect(
        21,
        0,
        """
        10.44.0.1 dev eth0 lladdr 02:00:00:00:0a:01 REACHABLE\s
        """,
        "");
    // ip netns exec a ip neigh replace 10.44.0.2 lladdr 02:00:00:00:0b:99 dev eth0 nud permanent
    lab.expect(22, 0, "", "");
    // ip netns exec a ip neigh show 10.44.0.2
    lab.expect(
        23,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:99 PERMANENT\s
        """,
        "");
    // ip netns exec a ping -c 1 -W 1 10.44.0.2
    lab.expect(
        24,
        1,
        """
        PING 10.44.0.2 (10.44.0.2) 56(84) bytes of data.

        --- 10.44.0.2 ping statistics ---
        1 packets transmitted, 0 received, 100% packet loss, time 0ms

        """,
        "");
    // ip netns exec a ip neigh replace 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0
    lab.expect(25, 0, "", "");
    // ip netns exec a ip neigh show 10.44.0.2
    lab.expect(
        26,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        """,
        "");
  }

  @Test
  void reportsMissingEntriesAndBadArguments() {
    // ip netns exec a ip neigh change 10.44.0.7 lladdr 02:00:00:00:0b:07 dev eth0
    lab.expect(
        27,
        2,
        "",
        """
        RTNETLINK answers: No such file or directory
        """);
    // ip netns exec a ip neigh del 10.44.0.3 dev eth0
    lab.expect(28, 0, "", "");
    // ip netns exec a ip neigh del 10.44.0.3 dev eth0
    lab.expect(
        29,
        2,
        "",
        """
        RTNETLINK answers: No such file or directory
        """);
    // ip netns exec a ip neigh del 10.44.0.9
    lab.expect(
        30,
        255,
        "",
        """
        Device and destination are required arguments.
        """);
    // ip netns exec a ip neigh add 10.44.0.8 lladdr 02:zz:00:00:0b:08 dev eth0
    lab.expect(
        31,
        1,
        "",
        """
        "zz" is invalid lladdr.
        """);
    // ip netns exec a ip neigh add 10.44.0.8 dev eth0
    lab.expect(
        32,
        2,
        "",
        """
        Error: No link layer address given.
        """);
  }

  @Test
  void flushLeavesPermanentEntries() {
    // ip netns exec a ip neigh show nud permanent
    lab.expect(
        33,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        """,
        "");
    // ip netns exec a ip neigh flush dev eth0
    lab.expect(34, 0, "", "");
    // ip netns exec a ip neigh show
    lab.expect(
        35,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        """,
        "");
    // ip netns exec a ip neigh flush all
    lab.expect(36, 0, "", "");
    // ip netns exec a ip neigh show
    lab.expect(
        37,
        0,
        """
        10.44.0.2 dev eth0 lladdr 02:00:00:00:0b:01 PERMANENT\s
        """,
        "");
  }
}
