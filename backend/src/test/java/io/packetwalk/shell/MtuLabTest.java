package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/** Outcomes of 14-mtu.sh as the real tools printed them (captured on Linux 6.18, iproute2 6.1). */
class MtuLabTest {

  private final Lab lab = Lab.run("14-mtu.sh");

  @Test
  void showsTheLoweredMtu() {
    // ip netns exec router ip link show r-s
    lab.expect(
        14,
        0,
        """
        3: r-s@if2: <BROADCAST,MULTICAST> mtu 1400 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:02:01 brd ff:ff:ff:ff:ff:ff link-netns server
        """,
        "");
  }

  @Test
  void dontFragmentPacketsMeetTheMtu() {
    // ip netns exec client ping -c 1 -W 1 10.1.2.2
    lab.expect(
        26,
        0,
        """
        PING 10.1.2.2 (10.1.2.2) 56(84) bytes of data.
        64 bytes from 10.1.2.2: icmp_seq=1 ttl=63 time=0.065 ms

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.065/0.065/0.065/0.000 ms
        """,
        "");
    // ip netns exec router ping -c 1 -W 1 -M do -s 1500 10.1.2.2
    lab.expect(
        27,
        1,
        """
        PING 10.1.2.2 (10.1.2.2) 1500(1528) bytes of data.

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

        """,
        """
        ping: local error: message too long, mtu=1400
        """);
    // ip netns exec router ping -c 1 -W 1 -s 1500 10.1.2.2
    lab.expect(
        28,
        0,
        """
        PING 10.1.2.2 (10.1.2.2) 1500(1528) bytes of data.
        1508 bytes from 10.1.2.2: icmp_seq=1 ttl=64 time=0.064 ms

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.064/0.064/0.064/0.000 ms
        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -M do -s 1400 10.1.2.2
    lab.expect(
        29,
        1,
        """
        PING 10.1.2.2 (10.1.2.2) 1400(1428) bytes of data.
        From 10.1.1.1 icmp_seq=1 Frag needed and DF set (mtu = 1400)

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -M do -s 1372 10.1.2.2
    lab.expect(
        30,
        0,
        """
        PING 10.1.2.2 (10.1.2.2) 1372(1400) bytes of data.
        1380 bytes from 10.1.2.2: icmp_seq=1 ttl=63 time=0.057 ms

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.057/0.057/0.057/0.000 ms
        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -M dont -s 1500 10.1.2.2
    lab.expect(
        31,
        0,
        """
        PING 10.1.2.2 (10.1.2.2) 1500(1528) bytes of data.
        1508 bytes from 10.1.2.2: icmp_seq=1 ttl=63 time=0.069 ms

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.069/0.069/0.069/0.000 ms
        """,
        "");
    // ip netns exec client ping -c 1 -W 1 -s 1500 10.1.2.2
    lab.expect(
        32,
        0,
        """
        PING 10.1.2.2 (10.1.2.2) 1500(1528) bytes of data.
        1508 bytes from 10.1.2.2: icmp_seq=1 ttl=63 time=0.068 ms

        --- 10.1.2.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.068/0.068/0.068/0.000 ms
        """,
        "");
    // ip netns exec server ping -c 1 -W 1 -s 1500 10.1.1.2
    lab.expect(
        34,
        0,
        """
        PING 10.1.1.2 (10.1.1.2) 1500(1528) bytes of data.
        1508 bytes from 10.1.1.2: icmp_seq=1 ttl=63 time=0.068 ms

        --- 10.1.1.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.068/0.068/0.068/0.000 ms
        """,
        "");
  }

  @Test
  void routeGetShowsTheLearnedPathMtu() {
    // ip netns exec client ip route get 10.1.2.2
    lab.expect(
        33,
        0,
        """
        10.1.2.2 via 10.1.1.1 dev eth0 src 10.1.1.2 uid 0\s
            cache expires 599sec mtu 1400\s
        """,
        "");
  }
}
