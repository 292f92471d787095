package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 07-static-and-default-routes.sh as the real tools printed them (captured on Linux
 * 6.18, iproute2 6.1).
 */
class RoutingLabTest {

  private final Lab lab = Lab.run("07-static-and-default-routes.sh");

  @Test
  void listsRoutesInDumpOrder() {
    // ip route
    lab.expect(
        21,
        0,
        """
        default via 10.1.0.1 dev eth0\s
        10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.2\s
        10.2.0.0/24 dev eth1 proto kernel scope link src 10.2.0.2\s
        10.50.0.0/16 via 10.2.0.1 dev eth1\s
        10.50.7.0/24 via 10.1.0.1 dev eth0\s
        10.60.0.0/16 via 10.2.0.1 dev eth1 metric 50\s
        10.60.0.0/16 via 10.1.0.1 dev eth0 metric 100\s
        10.70.0.0/16 via 10.2.0.1 dev eth1 proto static\s
        192.168.9.0/24 dev eth1 scope link\s
        192.168.10.0/24 dev eth1 scope link src 10.2.0.2\s
        """,
        "");
    // ip route
    lab.expect(
        36,
        0,
        """
        10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.2\s
        10.2.0.0/24 dev eth1 proto kernel scope link src 10.2.0.2\s
        10.50.0.0/16 via 10.2.0.1 dev eth1\s
        10.50.7.0/24 via 10.1.0.1 dev eth0\s
        10.60.0.0/16 via 10.1.0.1 dev eth0 metric 100\s
        10.70.0.0/16 via 10.2.0.1 dev eth1 proto static\s
        192.168.9.0/24 dev eth1 scope link\s
        192.168.10.0/24 dev eth1 scope link src 10.2.0.2\s
        """,
        "");
    // ip route
    lab.expect(
        42,
        0,
        """
        0.0.0.0/1 via 10.1.0.1 dev eth0\s
        10.0.0.0/24 via 10.1.0.1 dev eth0\s
        10.0.0.0/16 via 10.1.0.1 dev eth0\s
        10.0.0.0/8 via 10.1.0.1 dev eth0\s
        10.0.0.128/25 via 10.1.0.1 dev eth0\s
        10.1.0.0/24 dev eth0 proto kernel scope link src 10.1.0.2\s
        10.2.0.0/24 dev eth1 proto kernel scope link src 10.2.0.2\s
        10.50.0.0/16 via 10.2.0.1 dev eth1\s
        10.50.7.0/24 via 10.1.0.1 dev eth0\s
        10.60.0.0/16 via 10.1.0.1 dev eth0 metric 100\s
        10.70.0.0/16 via 10.2.0.1 dev eth1 proto static\s
        192.168.9.0/24 dev eth1 scope link\s
        192.168.10.0/24 dev eth1 scope link src 10.2.0.2\s
        """,
        "");
  }

  @Test
  void filtersByPrefixMatchDeviceAndProtocol() {
    // ip route show 10.60.0.0/16
    lab.expect(
        22,
        0,
        """
        10.60.0.0/16 via 10.2.0.1 dev eth1 metric 50\s
        10.60.0.0/16 via 10.1.0.1 dev eth0 metric 100\s
        """,
        "");
    // ip route list match 10.50.7.9
    lab.expect(
        29,
        0,
        """
        default via 10.1.0.1 dev eth0\s
        10.50.0.0/16 via 10.2.0.1 dev eth1\s
        10.50.7.0/24 via 10.1.0.1 dev eth0\s
        """,
        "");
    // ip route show dev eth1
    lab.expect(
        30,
        0,
        """
        10.2.0.0/24 proto kernel scope link src 10.2.0.2\s
        10.50.0.0/16 via 10.2.0.1\s
        10.60.0.0/16 via 10.2.0.1 metric 50\s
        10.70.0.0/16 via 10.2.0.1 proto static\s
        192.168.9.0/24 scope link\s
        192.168.10.0/24 scope link src 10.2.0.2\s
        """,
        "");
    // ip route show proto static
    lab.expect(
        31,
        0,
        """
        10.70.0.0/16 via 10.2.0.1 dev eth1\s
        """,
        "");
  }

  @Test
  void picksLongestPrefixThenLowestMetric() {
    // ip route get 10.50.1.1
    lab.expect(
        23,
        0,
        """
        10.50.1.1 via 10.2.0.1 dev eth1 src 10.2.0.2 uid 0\s
            cache\s
        """,
        "");
    // ip route get 10.50.7.1
    lab.expect(
        24,
        0,
        """
        10.50.7.1 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0\s
            cache\s
        """,
        "");
    // ip route get 10.60.1.1
    lab.expect(
        25,
        0,
        """
        10.60.1.1 via 10.2.0.1 dev eth1 src 10.2.0.2 uid 0\s
            cache\s
        """,
        "");
    // ip route get 192.168.9.9
    lab.expect(
        27,
        0,
        """
        192.168.9.9 dev eth1 src 10.2.0.2 uid 0\s
            cache\s
        """,
        "");
    // ip route get 10.60.1.1
    lab.expect(
        33,
        0,
        """
        10.60.1.1 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0\s
            cache\s
        """,
        "");
  }

  @Test
  void answersLocalAddressesOverLo() {
    // ip route get 10.2.0.2
    lab.expect(
        28,
        0,
        """
        local 10.2.0.2 dev lo src 10.2.0.2 uid 0\s
            cache <local>\s
        """,
        "");
  }

  @Test
  void failsWithoutADefaultRoute() {
    // ip route get 198.51.100.1
    lab.expect(
        26,
        0,
        """
        198.51.100.1 via 10.1.0.1 dev eth0 src 10.1.0.2 uid 0\s
            cache\s
        """,
        "");
    // ip route get 198.51.100.1
    lab.expect(
        35,
        2,
        "",
        """
        RTNETLINK answers: Network is unreachable
        """);
  }

  @Test
  void showsTheMainTableLikeNetTools() {
    // route -n
    lab.expect(
        43,
        0,
        """
        Kernel IP routing table
        Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
        0.0.0.0         10.1.0.1        128.0.0.0       UG    0      0        0 eth0
        10.0.0.0        10.1.0.1        255.255.255.0   UG    0      0        0 eth0
        10.0.0.0        10.1.0.1        255.255.0.0     UG    0      0        0 eth0
        10.0.0.0        10.1.0.1        255.0.0.0       UG    0      0        0 eth0
        10.0.0.128      10.1.0.1        255.255.255.128 UG    0      0        0 eth0
        10.1.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0
        10.2.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth1
        10.50.0.0       10.2.0.1        255.255.0.0     UG    0      0        0 eth1
        10.50.7.0       10.1.0.1        255.255.255.0   UG    0      0        0 eth0
        10.60.0.0       10.1.0.1        255.255.0.0     UG    100    0        0 eth0
        10.70.0.0       10.2.0.1        255.255.0.0     UG    0      0        0 eth1
        192.168.9.0     0.0.0.0         255.255.255.0   U     0      0        0 eth1
        192.168.10.0    0.0.0.0         255.255.255.0   U     0      0        0 eth1
        """,
        "");
  }
}
