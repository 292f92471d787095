package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 12-unreachable-prohibit-blackhole.sh as the real tools printed them (captured on
 * Linux 6.18, iproute2 6.1).
 */
class RejectRoutesLabTest {

  private final Lab lab = Lab.run("12-unreachable-prohibit-blackhole.sh");

  @Test
  void listsRejectRoutesByType() {
    // ip netns exec r ip route
    lab.expect(
        19,
        0,
        """
        10.0.1.0/24 dev rc proto kernel scope link src 10.0.1.1\s
        unreachable 10.9.0.0/16 metric 10\s
        blackhole 192.0.2.0/24\s
        prohibit 198.51.100.0/24\s
        unreachable 203.0.113.0/24\s
        """,
        "");
    // ip netns exec r ip route show type unreachable
    lab.expect(
        32,
        0,
        """
        unreachable 10.9.0.0/16 metric 10\s
        unreachable 203.0.113.0/24\s
        """,
        "");
  }

  @Test
  void routeGetFailsWithEachTypesErrno() {
    // ip netns exec r ip route get 203.0.113.5
    lab.expect(
        20,
        2,
        "",
        """
        RTNETLINK answers: No route to host
        """);
    // ip netns exec r ip route get 198.51.100.5
    lab.expect(
        21,
        2,
        "",
        """
        RTNETLINK answers: Permission denied
        """);
    // ip netns exec r ip route get 192.0.2.5
    lab.expect(
        22,
        2,
        "",
        """
        RTNETLINK answers: Invalid argument
        """);
    // ip netns exec r ip route get 203.0.113.5 from 10.0.1.2 iif rc
    lab.expect(
        23,
        2,
        "",
        """
        RTNETLINK answers: No route to host
        """);
  }

  @Test
  void localPingIsRefusedAtConnect() {
    // ip netns exec r ping -c 1 -W 1 203.0.113.5
    lab.expect(
        24,
        2,
        "",
        """
        ping: connect: No route to host
        """);
    // ip netns exec r ping -c 1 -W 1 198.51.100.5
    lab.expect(
        25,
        2,
        "",
        """
        ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules
        """);
    // ip netns exec r ping -c 1 -W 1 192.0.2.5
    lab.expect(
        26,
        2,
        "",
        """
        ping: connect: Invalid argument
        """);
  }

  @Test
  void forwardedPingGetsIcmpErrorsOrSilence() {
    // ip netns exec c ping -c 1 -W 1 203.0.113.5
    lab.expect(
        27,
        1,
        """
        PING 203.0.113.5 (203.0.113.5) 56(84) bytes of data.
        From 10.0.1.1 icmp_seq=1 Destination Host Unreachable

        --- 203.0.113.5 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

        """,
        "");
    // ip netns exec c ping -c 1 -W 1 198.51.100.5
    lab.expect(
        28,
        1,
        """
        PING 198.51.100.5 (198.51.100.5) 56(84) bytes of data.
        From 10.0.1.1 icmp_seq=1 Packet filtered

        --- 198.51.100.5 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

        """,
        "");
    // ip netns exec c ping -c 1 -W 1 192.0.2.5
    lab.expect(
        29,
        1,
        """
        PING 192.0.2.5 (192.0.2.5) 56(84) bytes of data.

        --- 192.0.2.5 ping statistics ---
        1 packets transmitted, 0 received, 100% packet loss, time 0ms

        """,
        "");
  }
}
