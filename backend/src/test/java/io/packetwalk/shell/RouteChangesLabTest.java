package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 29-addr-flush-route-replace.sh as the real tools printed them (captured on Linux
 * 6.18, iproute2 6.1).
 */
class RouteChangesLabTest {

  private final Lab lab = Lab.run("29-addr-flush-route-replace.sh");

  @Test
  void replaceAndChangeRoutes() {
    // ip route
    lab.expect(
        12,
        0,
        """
        10.13.0.0/24 dev e0 proto kernel scope link src 10.13.0.1\s
        10.14.0.0/16 dev e0 proto kernel scope link src 10.14.0.1\s
        10.98.0.0/16 via 10.14.0.254 dev e0\s
        10.99.0.0/16 via 10.13.0.254 dev e0\s
        """,
        "");
    // ip route replace 10.99.0.0/16 via 10.13.0.253
    lab.expect(13, 0, "", "");
    // ip route replace 10.97.0.0/16 via 10.13.0.253 metric 7
    lab.expect(14, 0, "", "");
    // ip route replace 10.97.0.0/16 dev e0 metric 7
    lab.expect(15, 0, "", "");
    // ip route change 10.98.0.0/16 via 10.14.0.253
    lab.expect(16, 0, "", "");
    // ip route change 10.96.0.0/16 via 10.14.0.253
    lab.expect(
        17,
        2,
        "",
        """
        RTNETLINK answers: No such file or directory
        """);
    // ip route
    lab.expect(
        18,
        0,
        """
        10.13.0.0/24 dev e0 proto kernel scope link src 10.13.0.1\s
        10.14.0.0/16 dev e0 proto kernel scope link src 10.14.0.1\s
        10.97.0.0/16 dev e0 scope link metric 7\s
        10.98.0.0/16 via 10.14.0.253 dev e0\s
        10.99.0.0/16 via 10.13.0.253 dev e0\s
        """,
        "");
  }

  @Test
  void deleteMatchesEveryGivenAttribute() {
    // ip route del 10.96.0.0/16
    lab.expect(
        19,
        2,
        "",
        """
        RTNETLINK answers: No such process
        """);
    // ip route del 10.97.0.0/16 metric 8
    lab.expect(
        20,
        2,
        "",
        """
        RTNETLINK answers: No such process
        """);
    // ip route del 10.97.0.0/16 via 10.13.0.1
    lab.expect(
        21,
        2,
        "",
        """
        RTNETLINK answers: No such process
        """);
    // ip route del 10.97.0.0/16
    lab.expect(22, 0, "", "");
  }

  @Test
  void flushingAddressesTakesRoutes() {
    // ip addr flush dev e0 to 10.14.0.0/16
    lab.expect(23, 0, "", "");
    // ip route
    lab.expect(
        24,
        0,
        """
        10.13.0.0/24 dev e0 proto kernel scope link src 10.13.0.1\s
        10.98.0.0/16 via 10.14.0.253 dev e0\s
        10.99.0.0/16 via 10.13.0.253 dev e0\s
        """,
        "");
    // ip addr show dev e0
    lab.expect(
        25,
        0,
        """
        3: e0@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
            inet 10.13.0.1/24 scope global e0
               valid_lft forever preferred_lft forever
            inet 10.13.0.2/24 scope global secondary e0
               valid_lft forever preferred_lft forever
            inet6 fe80::ff:fe00:1/64 scope link\s
               valid_lft forever preferred_lft forever
        """,
        "");
    // ip addr flush dev e0
    lab.expect(26, 0, "", "");
    // ip -4 addr show dev e0
    lab.expect(27, 0, "", "");
    // ip addr show dev e0
    lab.expect(
        28,
        0,
        """
        3: e0@e1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // ip route
    lab.expect(29, 0, "", "");
    // ip route show table local
    lab.expect(30, 0, "", "");
    // ip addr flush dev nosuchdev
    lab.expect(
        31,
        1,
        "",
        """
        Device "nosuchdev" does not exist.
        """);
    // ip route flush dev e0
    lab.expect(32, 0, "", "");
  }
}
