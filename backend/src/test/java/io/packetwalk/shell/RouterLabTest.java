package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 13-ttl-expiry.sh as the real tools printed them (captured on Linux 6.18, iproute2
 * 6.1).
 */
class RouterLabTest {

  private final Lab lab = Lab.run("13-ttl-expiry.sh");

  @Test
  void routerAnswersTtlOneWithTimeExceeded() {
    // ip netns exec client ping -c 1 -W 1 -t 1 192.168.2.2
    lab.expect(
        23,
        1,
        """
        PING 192.168.2.2 (192.168.2.2) 56(84) bytes of data.
        From 192.168.1.1 icmp_seq=1 Time to live exceeded

        --- 192.168.2.2 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -t 2 192.168.2.2
    lab.expect(
        24,
        0,
        """
        PING 192.168.2.2 (192.168.2.2) 56(84) bytes of data.
        64 bytes from 192.168.2.2: icmp_seq=1 ttl=63 time=0.070 ms

        --- 192.168.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.070/0.070/0.070/0.000 ms
        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -t 1 192.168.1.1
    lab.expect(
        25,
        0,
        """
        PING 192.168.1.1 (192.168.1.1) 56(84) bytes of data.
        64 bytes from 192.168.1.1: icmp_seq=1 ttl=64 time=0.042 ms

        --- 192.168.1.1 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.042/0.042/0.042/0.000 ms
        """,
        "");
    // ip netns exec client ping -c 2 -i 0.2 -W 1 -t 1 192.168.2.2
    lab.expect(
        26,
        1,
        """
        PING 192.168.2.2 (192.168.2.2) 56(84) bytes of data.
        From 192.168.1.1 icmp_seq=1 Time to live exceeded
        From 192.168.1.1 icmp_seq=2 Time to live exceeded

        --- 192.168.2.2 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 201ms

        """,
        "");
  }
}
