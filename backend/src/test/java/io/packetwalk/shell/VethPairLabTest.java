package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 01-veth-pair.sh as the real tools printed them (captured on Linux 6.18, iproute2
 * 6.1).
 */
class VethPairLabTest {

  private final Lab lab = Lab.run("01-veth-pair.sh");

  @Test
  void listsBothEndsInIfindexOrderWithThePeerName() {
    // ip link
    lab.expect(
        8,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: veth-b@veth-a: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:0b:01 brd ff:ff:ff:ff:ff:ff
        3: veth-a@veth-b: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:0a:01 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // ip link
    lab.expect(
        11,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        """,
        "");
  }

  @Test
  void numbersNamespacesInTheOrderTheyMet() {
    // ip netns list
    lab.expect(
        12,
        0,
        """
        b (id: 1)
        a (id: 0)
        """,
        "");
  }

  @Test
  void showsNoCarrierUntilThePeerIsUp() {
    // ip netns exec a ip link show veth-a
    lab.expect(
        18,
        0,
        """
        3: veth-a@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:0a:01 brd ff:ff:ff:ff:ff:ff link-netns b
        """,
        "");
    // ip netns exec a ip link show veth-a
    lab.expect(
        20,
        0,
        """
        3: veth-a@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:0a:01 brd ff:ff:ff:ff:ff:ff link-netns b
        """,
        "");
    // ip netns exec b ip link
    lab.expect(
        21,
        0,
        """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: veth-b@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:0b:01 brd ff:ff:ff:ff:ff:ff link-netns a
        """,
        "");
  }

  @Test
  void listsAddressesWithTheEui64LinkLocal() {
    // ip netns exec a ip addr show dev veth-a
    lab.expect(
        22,
        0,
        """
        3: veth-a@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:0a:01 brd ff:ff:ff:ff:ff:ff link-netns b
            inet 10.0.0.1/24 scope global veth-a
               valid_lft forever preferred_lft forever
            inet6 fe80::ff:fe00:a01/64 scope link tentative\s
               valid_lft forever preferred_lft forever
        """,
        "");
    // ip netns exec b ip addr
    lab.expect(
        23,
        0,
        """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            inet 127.0.0.1/8 scope host lo
               valid_lft forever preferred_lft forever
            inet6 ::1/128 scope host\s
               valid_lft forever preferred_lft forever
        2: veth-b@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:0b:01 brd ff:ff:ff:ff:ff:ff link-netns a
            inet 10.0.0.2/24 scope global veth-b
               valid_lft forever preferred_lft forever
            inet6 fe80::ff:fe00:b01/64 scope link tentative\s
               valid_lft forever preferred_lft forever
        """,
        "");
  }

  @Test
  void addsConnectedLocalAndBroadcastRoutes() {
    // ip netns exec a ip route
    lab.expect(
        24,
        0,
        """
        10.0.0.0/24 dev veth-a proto kernel scope link src 10.0.0.1\s
        """,
        "");
    // ip netns exec a ip route show table local
    lab.expect(
        25,
        0,
        """
        local 10.0.0.1 dev veth-a proto kernel scope host src 10.0.0.1\s
        broadcast 10.0.0.255 dev veth-a proto kernel scope link src 10.0.0.1\s
        local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1\s
        local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1\s
        broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1\s
        """,
        "");
  }

  @Test
  void pingsThePeerAndLearnsItsMac() {
    // ip netns exec a ping -c 2 -i 0.2 10.0.0.2
    lab.expect(
        26,
        0,
        """
        PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
        64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.071 ms
        64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.038 ms

        --- 10.0.0.2 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 205ms
        rtt min/avg/max/mdev = 0.038/0.054/0.071/0.016 ms
        """,
        "");
    // ip netns exec a ip neigh
    lab.expect(
        27,
        0,
        """
        10.0.0.2 dev veth-a lladdr 02:00:00:00:0b:01 REACHABLE\s
        """,
        "");
    // ip netns exec b ping -c 1 -W 1 10.0.0.1
    lab.expect(
        30,
        0,
        """
        PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
        64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.030 ms

        --- 10.0.0.1 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.030/0.030/0.030/0.000 ms
        """,
        "");
  }

  @Test
  void answersRouteGetWithTheSourceAddress() {
    // ip netns exec a ip route get 10.0.0.2
    lab.expect(
        29,
        0,
        """
        10.0.0.2 dev veth-a src 10.0.0.1 uid 0\s
            cache\s
        """,
        "");
  }
}
