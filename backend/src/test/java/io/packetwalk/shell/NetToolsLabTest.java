package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 25-route-arp-net-tools.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class NetToolsLabTest {

  private final Lab lab = Lab.run("25-route-arp-net-tools.sh");

  @Test
  void routeShowsFlagsForGatewaysAndRejects() {
    // ip netns exec a route -n
    lab.expect(
        13,
        0,
        """
        Kernel IP routing table
        Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
        192.168.60.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0
        """,
        "");
    // ip netns exec a route -n
    lab.expect(
        19,
        0,
        """
        Kernel IP routing table
        Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
        0.0.0.0         192.168.60.2    0.0.0.0         UG    0      0        0 eth0
        10.60.0.0       192.168.60.2    255.255.0.0     UG    5      0        0 eth0
        10.61.0.0       0.0.0.0         255.255.0.0     U     0      0        0 eth0
        10.62.0.0       0.0.0.0         255.255.0.0     U     0      0        0 *
        10.63.0.0       -               255.255.0.0     !     0      -        0 -
        192.168.60.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0
        """,
        "");
    // ip netns exec a route -n -A inet
    lab.expect(
        28,
        0,
        """
        Kernel IP routing table
        Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
        0.0.0.0         192.168.60.2    0.0.0.0         UG    0      0        0 eth0
        10.60.0.0       192.168.60.2    255.255.0.0     UG    5      0        0 eth0
        10.61.0.0       0.0.0.0         255.255.0.0     U     0      0        0 eth0
        10.62.0.0       0.0.0.0         255.255.0.0     U     0      0        0 *
        10.63.0.0       -               255.255.0.0     !     0      -        0 -
        192.168.60.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0
        """,
        "");
  }

  @Test
  void arpShowsCompleteIncompleteAndPermanent() {
    // ip netns exec a arp -n
    lab.expect(20, 0, "", "");
    // ip netns exec a arp -n
    lab.expect(
        23,
        0,
        """
        Address                  HWtype  HWaddress           Flags Mask            Iface
        192.168.60.50            ether   02:00:00:00:00:50   CM                    eth0
        192.168.60.2             ether   02:00:00:00:0b:01   C                     eth0
        """,
        "");
    // ip netns exec a arp -n 192.168.60.2
    lab.expect(
        24,
        0,
        """
        Address                  HWtype  HWaddress           Flags Mask            Iface
        192.168.60.2             ether   02:00:00:00:0b:01   C                     eth0
        """,
        "");
    // ip netns exec a arp -n 192.168.60.77
    lab.expect(
        25,
        0,
        """
        192.168.60.77 (192.168.60.77) -- no entry
        """,
        "");
    // ip netns exec a arp -d 192.168.60.50
    lab.expect(26, 0, "", "");
    // ip netns exec a arp -n
    lab.expect(
        27,
        0,
        """
        Address                  HWtype  HWaddress           Flags Mask            Iface
        192.168.60.2             ether   02:00:00:00:0b:01   C                     eth0
        """,
        "");
  }
}
