package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 18-seed-bridge-tutorial.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class SeedTutorialLabTest {

  private final Lab lab = Lab.run("18-seed-bridge-tutorial.sh");

  @Test
  void replaysTheNamespaceAndVethPart() {
    // ip netns list
    lab.expect(3, 0, "", "");
    // ip netns add n1
    lab.expect(4, 0, "", "");
    // ip netns list
    lab.expect(
        5,
        0,
        """
        n1
        """,
        "");
    // ip a
    lab.expect(
        9,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: veth-2@veth-1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 56:28:03:e9:d6:ad brd ff:ff:ff:ff:ff:ff
        3: veth-1@veth-2: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 1e:8d:b2:73:eb:b9 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // ip a
    lab.expect(
        11,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        3: veth-1@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 1e:8d:b2:73:eb:b9 brd ff:ff:ff:ff:ff:ff link-netns n1
        """,
        "");
    // ip netns exec n1 ip a
    lab.expect(
        12,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: veth-2@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default qlen 1000
            link/ether 56:28:03:e9:d6:ad brd ff:ff:ff:ff:ff:ff link-netnsid 0
        """,
        "");
    // ip link add veth-3 type veth peer name veth-1
    lab.expect(
        13,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
  }

  @Test
  void replaysTheBridgePart() {
    // ip a show br-0
    lab.expect(
        16,
        0,
        """
        4: br-0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether ae:d6:21:1e:15:ca brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // brctl show
    lab.expect(
        17,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br-0\t\t8000.aed6211e15ca\tno\t\t
        """,
        "");
    // brctl show
    lab.expect(
        23,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br-0\t\t8000.aed6211e15ca\tno\t\tveth-1
        \t\t\t\t\t\t\tveth-3
        """,
        "");
    // ip netns exec n1 ip route
    lab.expect(
        30,
        0,
        """
        default dev veth-2 scope link\s
        172.16.100.0/24 dev veth-2 proto kernel scope link src 172.16.100.101\s
        """,
        "");
    // ip netns exec n1 ping -c 2 -i 0.2 172.16.100.1
    lab.expect(
        31,
        0,
        """
        PING 172.16.100.1 (172.16.100.1) 56(84) bytes of data.
        64 bytes from 172.16.100.1: icmp_seq=1 ttl=64 time=0.083 ms
        64 bytes from 172.16.100.1: icmp_seq=2 ttl=64 time=0.069 ms

        --- 172.16.100.1 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 206ms
        rtt min/avg/max/mdev = 0.069/0.076/0.083/0.007 ms
        """,
        "");
  }

  @Test
  void replaysTheSecondContainerAndBridgeNetfilter() {
    // ip netns exec n2 ping -c 1 -W 1 172.16.100.101
    lab.expect(
        37,
        0,
        """
        PING 172.16.100.101 (172.16.100.101) 56(84) bytes of data.
        64 bytes from 172.16.100.101: icmp_seq=1 ttl=64 time=0.084 ms

        --- 172.16.100.101 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.084/0.084/0.084/0.000 ms
        """,
        "");
    // ip netns exec n2 ping -c 1 -W 1 172.16.100.1
    lab.expect(
        38,
        0,
        """
        PING 172.16.100.1 (172.16.100.1) 56(84) bytes of data.
        64 bytes from 172.16.100.1: icmp_seq=1 ttl=64 time=0.079 ms

        --- 172.16.100.1 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.079/0.079/0.079/0.000 ms
        """,
        "");
    // ip netns exec n2 arp -n
    lab.expect(
        39,
        0,
        """
        Address                  HWtype  HWaddress           Flags Mask            Iface
        172.16.100.1             ether   ae:d6:21:1e:15:ca   C                     veth-4
        172.16.100.101           ether   56:28:03:e9:d6:ad   C                     veth-4
        """,
        "");
    // sysctl net.bridge.bridge-nf-call-iptables
    lab.expect(
        40,
        0,
        """
        net.bridge.bridge-nf-call-iptables = 1
        """,
        "");
    // sysctl -w net.bridge.bridge-nf-call-arptables=0
    lab.expect(
        41,
        0,
        """
        net.bridge.bridge-nf-call-arptables = 0
        """,
        "");
    // sysctl -w net.bridge.bridge-nf-call-ip6tables=0
    lab.expect(
        42,
        0,
        """
        net.bridge.bridge-nf-call-ip6tables = 0
        """,
        "");
    // sysctl -w net.bridge.bridge-nf-call-iptables=0
    lab.expect(
        43,
        0,
        """
        net.bridge.bridge-nf-call-iptables = 0
        """,
        "");
    // ip netns exec n2 ping -c 1 -W 1 172.16.100.101
    lab.expect(
        44,
        0,
        """
        PING 172.16.100.101 (172.16.100.101) 56(84) bytes of data.
        64 bytes from 172.16.100.101: icmp_seq=1 ttl=64 time=0.047 ms

        --- 172.16.100.101 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.047/0.047/0.047/0.000 ms
        """,
        "");
    // ip netns list
    lab.expect(
        45,
        0,
        """
        n2 (id: 1)
        n1 (id: 0)
        """,
        "");
    // brctl show
    lab.expect(
        46,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br-0\t\t8000.aed6211e15ca\tno\t\tveth-1
        \t\t\t\t\t\t\tveth-3
        """,
        "");
  }
}
