package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 31-sysctl.sh as the real tools printed them (captured on Linux 6.18, iproute2 6.1).
 */
class SysctlLabTest {

  private final Lab lab = Lab.run("31-sysctl.sh");

  @Test
  void readsFreshNamespaceDefaults() {
    // ip netns exec n sysctl net.ipv4.ip_forward
    lab.expect(
        4,
        0,
        """
        net.ipv4.ip_forward = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding
    lab.expect(
        5,
        0,
        """
        net.ipv4.conf.all.forwarding = 0
        net.ipv4.conf.default.forwarding = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter
    lab.expect(
        6,
        0,
        """
        net.ipv4.conf.all.rp_filter = 0
        net.ipv4.conf.default.rp_filter = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.all.proxy_arp net.ipv4.conf.all.arp_ignore
    // net.ipv4.conf.all.arp_announce
    lab.expect(
        7,
        0,
        """
        net.ipv4.conf.all.proxy_arp = 0
        net.ipv4.conf.all.arp_ignore = 0
        net.ipv4.conf.all.arp_announce = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.lo.rp_filter
    lab.expect(
        8,
        0,
        """
        net.ipv4.conf.lo.rp_filter = 0
        """,
        "");
    // ip netns exec n sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-arptables
    // net.bridge.bridge-nf-call-ip6tables
    lab.expect(
        9,
        0,
        """
        net.bridge.bridge-nf-call-iptables = 1
        net.bridge.bridge-nf-call-arptables = 1
        net.bridge.bridge-nf-call-ip6tables = 1
        """,
        "");
    // ip netns exec n sysctl net.ipv4.ip_default_ttl
    lab.expect(
        11,
        0,
        """
        net.ipv4.ip_default_ttl = 64
        """,
        "");
    // ip netns exec n sysctl -n net.ipv4.ip_forward
    lab.expect(
        12,
        0,
        """
        0
        """,
        "");
  }

  @Test
  void forwardingSwitchesEveryInterface() {
    // ip netns exec n sysctl -w net.ipv4.ip_forward=1
    lab.expect(
        13,
        0,
        """
        net.ipv4.ip_forward = 1
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.all.forwarding
    lab.expect(
        14,
        0,
        """
        net.ipv4.conf.all.forwarding = 1
        """,
        "");
    // ip netns exec n sysctl -w net.ipv4.conf.all.forwarding=0
    lab.expect(
        15,
        0,
        """
        net.ipv4.conf.all.forwarding = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.ip_forward
    lab.expect(
        16,
        0,
        """
        net.ipv4.ip_forward = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.ip_forward=1
    lab.expect(
        17,
        0,
        """
        net.ipv4.ip_forward = 1
        """,
        "");
    // ip netns exec n sysctl -q -w net.ipv4.ip_forward=0
    lab.expect(18, 0, "", "");
    // ip netns exec n sysctl -w net.ipv4.conf.all.forwarding=1
    lab.expect(
        31,
        0,
        """
        net.ipv4.conf.all.forwarding = 1
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.default.forwarding
    lab.expect(
        32,
        0,
        """
        net.ipv4.conf.v0.forwarding = 1
        net.ipv4.conf.default.forwarding = 1
        """,
        "");
  }

  @Test
  void reportsMissingKeysAndBadValues() {
    // ip netns exec n sysctl net.ipv4.neigh.default.base_reachable_time_ms
    lab.expect(
        10,
        1,
        "",
        """
        sysctl: cannot stat /proc/sys/net/ipv4/neigh/default/base_reachable_time_ms: No such file or directory
        """);
    // ip netns exec n sysctl -w net.ipv4.ip_forward
    lab.expect(
        19,
        1,
        "",
        """
        sysctl: command line(0): invalid syntax, continuing...
        """);
    // ip netns exec n sysctl net.ipv4.nosuchkey
    lab.expect(
        20,
        1,
        "",
        """
        sysctl: cannot stat /proc/sys/net/ipv4/nosuchkey: No such file or directory
        """);
    // ip netns exec n sysctl -w net.ipv4.nosuchkey=1
    lab.expect(
        21,
        1,
        "",
        """
        sysctl: cannot stat /proc/sys/net/ipv4/nosuchkey: No such file or directory
        """);
    // ip netns exec n sysctl -w net.ipv4.ip_forward=abc
    lab.expect(
        22,
        1,
        "",
        """
        sysctl: setting key "net.ipv4.ip_forward": Invalid argument
        """);
    // ip netns exec n sysctl -w net.ipv4.conf.v9.rp_filter=1
    lab.expect(
        30,
        1,
        "",
        """
        sysctl: cannot stat /proc/sys/net/ipv4/conf/v9/rp_filter: No such file or directory
        """);
  }

  @Test
  void perInterfaceKeysFollowDefaultUntilSet() {
    // ip netns exec n sysctl net/ipv4/ip_forward
    lab.expect(
        23,
        0,
        """
        net.ipv4.ip_forward = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v0.forwarding
    lab.expect(
        25,
        0,
        """
        net.ipv4.conf.v0.rp_filter = 0
        net.ipv4.conf.v0.forwarding = 0
        """,
        "");
    // ip netns exec n sysctl net.ipv4.neigh.v0.base_reachable_time_ms
    // net.ipv4.neigh.v0.retrans_time_ms net.ipv4.neigh.v0.mcast_solicit
    // net.ipv4.neigh.v0.delay_first_probe_time
    lab.expect(
        26,
        0,
        """
        net.ipv4.neigh.v0.base_reachable_time_ms = 30000
        net.ipv4.neigh.v0.retrans_time_ms = 1000
        net.ipv4.neigh.v0.mcast_solicit = 3
        net.ipv4.neigh.v0.delay_first_probe_time = 5
        """,
        "");
    // ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=1
    lab.expect(
        27,
        0,
        """
        net.ipv4.conf.default.rp_filter = 1
        """,
        "");
    // ip netns exec n ip link add v2 type veth peer name v3
    lab.expect(28, 0, "", "");
    // ip netns exec n sysctl net.ipv4.conf.v2.rp_filter net.ipv4.conf.v0.rp_filter
    lab.expect(
        29,
        0,
        """
        net.ipv4.conf.v2.rp_filter = 1
        net.ipv4.conf.v0.rp_filter = 1
        """,
        "");
    // ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=0
    lab.expect(
        33,
        0,
        """
        net.ipv4.conf.default.rp_filter = 0
        """,
        "");
    // ip netns exec n sysctl -w net.ipv4.conf.v0.rp_filter=2
    lab.expect(
        34,
        0,
        """
        net.ipv4.conf.v0.rp_filter = 2
        """,
        "");
    // ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=1
    lab.expect(
        35,
        0,
        """
        net.ipv4.conf.default.rp_filter = 1
        """,
        "");
    // ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v2.rp_filter
    lab.expect(
        36,
        0,
        """
        net.ipv4.conf.v0.rp_filter = 2
        net.ipv4.conf.v2.rp_filter = 1
        """,
        "");
    // sysctl net.ipv4.ip_forward
    lab.expect(
        37,
        0,
        """
        net.ipv4.ip_forward = 0
        """,
        "");
  }
}
