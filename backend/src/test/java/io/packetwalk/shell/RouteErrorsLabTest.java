package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 30-route-add-errors.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class RouteErrorsLabTest {

  private final Lab lab = Lab.run("30-route-add-errors.sh");

  @Test
  void gatewayMustBeOnAConnectedRoute() {
    // ip route add 10.50.0.0/16 via 10.15.0.254
    lab.expect(
        6,
        2,
        "",
        """
        Error: Nexthop has invalid gateway.
        """);
    // ip route add 10.50.0.0/16 via 10.15.0.254
    lab.expect(9, 0, "", "");
    // ip route add 10.51.0.0/16 via 10.16.0.1
    lab.expect(
        13,
        2,
        "",
        """
        Error: Nexthop has invalid gateway.
        """);
    // ip route add 10.51.0.0/16 via 10.16.0.1 dev r0
    lab.expect(
        14,
        2,
        "",
        """
        Error: Nexthop has invalid gateway.
        """);
    // ip route add 10.51.0.0/16 via 10.16.0.1 dev r0 onlink
    lab.expect(15, 0, "", "");
    // ip route add 10.55.0.0/16 via 10.15.0.254 dev r1
    lab.expect(
        22,
        2,
        "",
        """
        Error: Nexthop has invalid gateway.
        """);
  }

  @Test
  void refusesDuplicatesAndBadPrefixes() {
    // ip route add 10.50.0.0/16 via 10.15.0.254
    lab.expect(
        10,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip route add 10.50.0.0/16 via 10.15.0.253
    lab.expect(
        11,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip route add 10.50.0.0/16 via 10.15.0.253 metric 10
    lab.expect(12, 0, "", "");
    // ip route add 10.52.0.0/33 via 10.15.0.254
    lab.expect(
        16,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "10.52.0.0/33".
        """);
    // ip route add 10.52.0.1/16 via 10.15.0.254
    lab.expect(
        17,
        2,
        "",
        """
        Error: Invalid prefix for given prefix length.
        """);
    // ip route add 10.54.0.0/16
    lab.expect(
        19,
        2,
        "",
        """
        RTNETLINK answers: No such device
        """);
    // ip route add default via 10.15.0.253
    lab.expect(
        21,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip route add 10.56.0.0/16 via 300.1.1.1
    lab.expect(
        24,
        1,
        "",
        """
        Error: inet address is expected rather than "300.1.1.1".
        """);
  }

  @Test
  void listsAcceptedRoutes() {
    // ip route
    lab.expect(
        26,
        0,
        """
        default via 10.15.0.254 dev r0\s
        default via 10.15.0.250 dev r0 metric 100\s
        10.15.0.0/24 dev r0 proto kernel scope link src 10.15.0.1\s
        10.50.0.0/16 via 10.15.0.254 dev r0\s
        10.50.0.0/16 via 10.15.0.253 dev r0 metric 10\s
        10.51.0.0/16 via 10.16.0.1 dev r0 onlink\s
        10.53.0.0/16 via 10.15.0.1 dev r0\s
        10.57.0.0/16 dev r0 scope host\s
        """,
        "");
  }

  @Test
  void reportsRouteGetAndCommandErrors() {
    // ip route del 10.58.0.0/16
    lab.expect(
        27,
        2,
        "",
        """
        RTNETLINK answers: No such process
        """);
    // ip route foo
    lab.expect(
        28,
        255,
        "",
        """
        Command "foo" is unknown, try "ip route help".
        """);
    // ip route get 300.1.1.1
    lab.expect(
        29,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "300.1.1.1".
        """);
    // ip route get 10.0.0.0/8
    lab.expect(
        30,
        0,
        """
        10.0.0.0 via 10.15.0.254 dev r0 src 10.15.0.1 uid 0\s
            cache\s
        """,
        """
        Warning: /8 as prefix is invalid, only /32 (or none) is supported.
        """);
  }
}
