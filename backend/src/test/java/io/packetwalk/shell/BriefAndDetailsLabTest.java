package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 22-brief-and-details.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1).
 */
class BriefAndDetailsLabTest {

  private final Lab lab = Lab.run("22-brief-and-details.sh");

  @Test
  void printsBriefColumns() {
    // ip -br addr
    lab.expect(
        16,
        0,
        """
        lo               DOWN          \s
        br0              UP             192.168.77.1/24 fe80::ff:fe00:b0/64\s
        veth0@if2        UP             fe80::ff:fe00:1/64\s
        """,
        "");
    // ip -br -4 addr
    lab.expect(
        17,
        0,
        """
        br0              UP             192.168.77.1/24\s
        """,
        "");
    // ip -br link show type bridge
    lab.expect(
        18,
        0,
        """
        br0              UP             02:00:00:00:00:b0 <BROADCAST,MULTICAST,UP,LOWER_UP>\s
        """,
        "");
    // ip -br link show master br0
    lab.expect(
        19,
        0,
        """
        veth0@if2        UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP>\s
        """,
        "");
    // ip netns exec n ip -br addr show eth0
    lab.expect(
        20,
        0,
        """
        eth0@if3         UP             192.168.77.2/24 fe80::ff:fe00:2/64\s
        """,
        "");
  }

  @Test
  void printsDetailsOfVethBridgeAndPort() {
    // ip -d link show veth0
    lab.expect(
        21,
        0,
        """
        3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netns n promiscuity 1  allmulti 1 minmtu 68 maxmtu 65535\s
            veth\s
            bridge_slave state forwarding priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on port_id 0x8001 port_no 0x1 designated_port 32769 designated_cost 0 designated_bridge 8000.2:0:0:0:0:b0 designated_root 8000.2:0:0:0:0:b0 hold_timer    0.00 message_age_timer    0.00 forward_delay_timer   13.99 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536\s
        """,
        "");
    // ip -d link show br0
    lab.expect(
        22,
        0,
        """
        2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535\s
            bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id 8000.2:0:0:0:0:b0 designated_root 8000.2:0:0:0:0:b0 root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer  298.43 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536\s
        """,
        "");
    // ip netns exec n ip -d link show eth0
    lab.expect(
        23,
        0,
        """
        2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0 promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535\s
            veth addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536\s
        """,
        "");
    // ip -d addr show br0
    lab.expect(
        24,
        0,
        """
        2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
            link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535\s
            bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id 8000.2:0:0:0:0:b0 designated_root 8000.2:0:0:0:0:b0 root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer  298.19 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536\s
            inet 192.168.77.1/24 scope global br0
               valid_lft forever preferred_lft forever
            inet6 fe80::ff:fe00:b0/64 scope link tentative\s
               valid_lft forever preferred_lft forever
        """,
        "");
  }

  @Test
  void printsOneLineAndTypeFilters() {
    // ip link show type veth
    lab.expect(
        25,
        0,
        """
        3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netns n
        """,
        "");
    // ip -o link show veth0
    lab.expect(
        26,
        0,
        """
        3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netns n
        """,
        "");
    // ip -o addr show dev br0
    lab.expect(
        27,
        0,
        """
        2: br0    inet 192.168.77.1/24 scope global br0\\       valid_lft forever preferred_lft forever
        2: br0    inet6 fe80::ff:fe00:b0/64 scope link tentative \\       valid_lft forever preferred_lft forever
        """,
        "");
  }
}
