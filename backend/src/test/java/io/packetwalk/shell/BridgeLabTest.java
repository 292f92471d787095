package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 02-two-netns-bridge.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class BridgeLabTest {

  private final Lab lab = Lab.run("02-two-netns-bridge.sh");

  @Test
  void bridgeTakesTheLowestPortMac() {
    // ip link show br0
    lab.expect(
        14,
        0,
        """
        2: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // ip link
    lab.expect(
        24,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff
        3: veth-h1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff link-netns h1
        4: veth-h2@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:02:01 brd ff:ff:ff:ff:ff:ff link-netns h2
        """,
        "");
  }

  @Test
  void switchesFramesBetweenPorts() {
    // ip netns exec h1 ping -c 2 -i 0.2 172.16.0.2
    lab.expect(
        25,
        0,
        """
        PING 172.16.0.2 (172.16.0.2) 56(84) bytes of data.
        64 bytes from 172.16.0.2: icmp_seq=1 ttl=64 time=0.071 ms
        64 bytes from 172.16.0.2: icmp_seq=2 ttl=64 time=0.039 ms

        --- 172.16.0.2 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 205ms
        rtt min/avg/max/mdev = 0.039/0.055/0.071/0.016 ms
        """,
        "");
    // ip netns exec h2 ping -c 1 -W 1 172.16.0.1
    lab.expect(
        26,
        0,
        """
        PING 172.16.0.1 (172.16.0.1) 56(84) bytes of data.
        64 bytes from 172.16.0.1: icmp_seq=1 ttl=64 time=0.060 ms

        --- 172.16.0.1 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.060/0.060/0.060/0.000 ms
        """,
        "");
  }

  @Test
  void learnsBothHostsInTheFdb() {
    // bridge fdb show br br0
    lab.expect(
        29,
        0,
        """
        33:33:00:00:00:01 dev br0 self permanent
        01:00:5e:00:00:6a dev br0 self permanent
        33:33:00:00:00:6a dev br0 self permanent
        01:00:5e:00:00:01 dev br0 self permanent
        33:33:ff:00:01:01 dev br0 self permanent
        02:00:00:00:01:02 dev veth-h1 master br0\s
        02:00:00:00:01:01 dev veth-h1 master br0 permanent
        33:33:00:00:00:01 dev veth-h1 self permanent
        01:00:5e:00:00:01 dev veth-h1 self permanent
        33:33:ff:00:01:01 dev veth-h1 self permanent
        02:00:00:00:02:02 dev veth-h2 master br0\s
        02:00:00:00:02:01 dev veth-h2 master br0 permanent
        33:33:00:00:00:01 dev veth-h2 self permanent
        01:00:5e:00:00:01 dev veth-h2 self permanent
        33:33:ff:00:02:01 dev veth-h2 self permanent
        """,
        "");
  }

  @Test
  void listsPortsWithBridgeAndBrctl() {
    // bridge link
    lab.expect(
        30,
        0,
        """
        3: veth-h1@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2\s
        4: veth-h2@br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2\s
        """,
        "");
    // brctl show
    lab.expect(
        31,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br0\t\t8000.020000000101\tno\t\tveth-h1
        \t\t\t\t\t\t\tveth-h2
        """,
        "");
  }
}
