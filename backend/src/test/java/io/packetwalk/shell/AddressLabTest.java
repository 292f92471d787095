package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 20-ip-addr-errors.sh as the real tools printed them (captured on Linux 6.18, iproute2
 * 6.1).
 */
class AddressLabTest {

  private final Lab lab = Lab.run("20-ip-addr-errors.sh");

  @Test
  void refusesBadPrefixesAndDuplicates() {
    // ip addr add 10.0.0.1/33 dev d0
    lab.expect(
        5,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "10.0.0.1/33".
        """);
    // ip addr add 10.0.0.1/-1 dev d0
    lab.expect(
        6,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "10.0.0.1/-1".
        """);
    // ip addr add 10.0.0.256/24 dev d0
    lab.expect(
        7,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "10.0.0.256/24".
        """);
    // ip addr add 10.0.0 dev d0
    lab.expect(8, 0, "", "");
    // ip addr add bogus dev d0
    lab.expect(
        9,
        1,
        "",
        """
        Error: any valid prefix is expected rather than "bogus".
        """);
    // ip addr add 10.0.0.1/24 dev d0
    lab.expect(10, 0, "", "");
    // ip addr add 10.0.0.1/24 dev d0
    lab.expect(
        11,
        2,
        "",
        """
        Error: ipv4: Address already assigned.
        """);
  }

  @Test
  void ordersPrimaryAndSecondaryAddresses() {
    // ip addr show dev d0
    lab.expect(
        18,
        0,
        """
        3: d0@d1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 02:00:00:00:00:d0 brd ff:ff:ff:ff:ff:ff
            inet 10.0.0.0/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.1/24 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.1/16 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.3/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.1.1/24 brd 10.0.1.255 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.2.1/24 scope global d0:web
               valid_lft forever preferred_lft forever
            inet 10.0.0.2/24 scope global secondary d0
               valid_lft forever preferred_lft forever
        """,
        "");
    // ip -4 addr show dev d0
    lab.expect(
        19,
        0,
        """
        3: d0@d1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
            inet 10.0.0.0/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.1/24 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.1/16 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.3/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.1.1/24 brd 10.0.1.255 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.2.1/24 scope global d0:web
               valid_lft forever preferred_lft forever
            inet 10.0.0.2/24 scope global secondary d0
               valid_lft forever preferred_lft forever
        """,
        "");
  }

  @Test
  void deletesAndReportsMissingAddresses() {
    // ip addr del 10.0.9.9/24 dev d0
    lab.expect(
        20,
        2,
        "",
        """
        Error: ipv4: Address not found.
        """);
    // ip addr del 10.0.0.2/24 dev d0
    lab.expect(21, 0, "", "");
    // ip addr del 10.0.0.1/24 dev d0
    lab.expect(22, 0, "", "");
    // ip addr show dev d0
    lab.expect(
        23,
        0,
        """
        3: d0@d1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
            link/ether 02:00:00:00:00:d0 brd ff:ff:ff:ff:ff:ff
            inet 10.0.0.0/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.1/16 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.0.3/32 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.1.1/24 brd 10.0.1.255 scope global d0
               valid_lft forever preferred_lft forever
            inet 10.0.2.1/24 scope global d0:web
               valid_lft forever preferred_lft forever
        """,
        "");
  }

  @Test
  void keepsLocalRoutesPerAddress() {
    // ip route show table local
    lab.expect(
        24,
        0,
        """
        local 10.0.0.0 dev d0 proto kernel scope host src 10.0.0.0\s
        local 10.0.0.1 dev d0 proto kernel scope host src 10.0.0.1\s
        local 10.0.0.1 dev d1 proto kernel scope host src 10.0.0.1\s
        local 10.0.0.3 dev d0 proto kernel scope host src 10.0.0.3\s
        local 10.0.1.1 dev d0 proto kernel scope host src 10.0.1.1\s
        local 10.0.2.1 dev d0 proto kernel scope host src 10.0.2.1\s
        """,
        "");
  }
}
