package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 16-move-interface-netns.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class NetnsMoveLabTest {

  private final Lab lab = Lab.run("16-move-interface-netns.sh");

  @Test
  void movedDeviceArrivesDownWithoutAddresses() {
    // ip addr show v0
    lab.expect(
        11,
        0,
        """
        3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:00:10 brd ff:ff:ff:ff:ff:ff
            inet 10.8.0.1/24 scope global v0
               valid_lft forever preferred_lft forever
            inet6 fe80::ff:fe00:10/64 scope link tentative\s
               valid_lft forever preferred_lft forever
        """,
        "");
    // ip route
    lab.expect(
        12,
        0,
        """
        10.8.0.0/24 dev v0 proto kernel scope link src 10.8.0.1\s
        """,
        "");
    // ip link show v1
    lab.expect(
        14,
        0,
        """
        2: v1@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:11 brd ff:ff:ff:ff:ff:ff link-netns a
        """,
        "");
    // ip route
    lab.expect(15, 0, "", "");
    // ip netns exec a ip addr
    lab.expect(
        16,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        3: v0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 02:00:00:00:00:10 brd ff:ff:ff:ff:ff:ff link-netnsid 0
        """,
        "");
    // ip netns exec a ip route
    lab.expect(17, 0, "", "");
  }

  @Test
  void peerFollowsItsOtherEndAcrossNamespaces() {
    // ip netns exec b ip link
    lab.expect(
        20,
        0,
        """
        1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        3: v0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:10 brd ff:ff:ff:ff:ff:ff link-netnsid 0
        """,
        "");
    // ip link show v1
    lab.expect(
        22,
        0,
        """
        2: v1@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:11 brd ff:ff:ff:ff:ff:ff link-netns b
        """,
        "");
    // ip netns exec a ip link show v0
    lab.expect(
        24,
        0,
        """
        3: v0@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:10 brd ff:ff:ff:ff:ff:ff link-netnsid 0
        """,
        "");
  }

  @Test
  void movingReportsMissingDevicesAndNamespaces() {
    // ip netns exec a ip link set v9 netns b
    lab.expect(
        27,
        1,
        "",
        """
        Cannot find device "v9"
        """);
    // ip netns exec a ip link set w0 netns nosuchns
    lab.expect(
        28,
        255,
        "",
        """
        Error: argument "nosuchns" is wrong: Invalid "netns" value

        """);
  }

  @Test
  void allocatesNamespaceIdsForMoves() {
    // ip netns list
    lab.expect(
        31,
        0,
        """
        b (id: 1)
        a (id: 0)
        """,
        "");
  }
}
