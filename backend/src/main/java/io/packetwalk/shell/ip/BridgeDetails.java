package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgePortSettings;
import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.shell.ip.IpPrinter.Mode;

/**
 * The bridge and bridge_slave attributes of {@code ip -d link}, in iproute2's order. Timers are
 * printed as 0.00 (real ones run with wall-clock time). STP is off, so a port forwards as soon as
 * it, its carrier and its bridge are up, and is "disabled" otherwise.
 */
final class BridgeDetails {

  private static final String ZERO_TIMER = "0.00";

  private BridgeDetails() {}

  private static void timer(IpPrinter p, String key) {
    p.literal(Mode.ANY, key, key + "    %s ", ZERO_TIMER);
  }

  static void bridge(IpPrinter p, NetDevice dev, BridgeState state) {
    String id = LinkFormatter.bridgeId(LinkFormatter.bridgeMac(dev));
    p.number(Mode.ANY, "forward_delay", "forward_delay %d ", 1500);
    p.number(Mode.ANY, "hello_time", "hello_time %d ", 200);
    p.number(Mode.ANY, "max_age", "max_age %d ", 2000);
    p.number(Mode.ANY, "ageing_time", "ageing_time %d ", state.ageingTimeCs());
    p.number(Mode.ANY, "stp_state", "stp_state %d ", state.stp() ? 1 : 0);
    p.number(Mode.ANY, "priority", "priority %d ", 32768);
    boolean vlans = dev.netns().host().bridgeVlanFiltering();
    p.number(Mode.ANY, "vlan_filtering", "vlan_filtering %d ", state.vlanFiltering() ? 1 : 0);
    if (vlans) {
      p.string(Mode.ANY, "vlan_protocol", "vlan_protocol %s ", "802.1Q");
    }
    p.string(Mode.ANY, "bridge_id", "bridge_id %s ", id);
    p.string(Mode.ANY, "root_id", "designated_root %s ", id);
    p.number(Mode.ANY, "root_port", "root_port %d ", 0);
    p.number(Mode.ANY, "root_path_cost", "root_path_cost %d ", 0);
    p.number(Mode.ANY, "topology_change", "topology_change %d ", 0);
    p.number(Mode.ANY, "topology_change_detected", "topology_change_detected %d ", 0);
    timer(p, "hello_timer");
    timer(p, "tcn_timer");
    timer(p, "topology_change_timer");
    timer(p, "gc_timer");
    if (vlans) {
      p.number(Mode.ANY, "vlan_default_pvid", "vlan_default_pvid %d ", state.defaultPvid());
      p.number(Mode.ANY, "vlan_stats_enabled", "vlan_stats_enabled %d ", 0);
      p.number(Mode.ANY, "vlan_stats_per_port", "vlan_stats_per_port %d ", 0);
    }
    p.string(Mode.ANY, "group_fwd_mask", "group_fwd_mask %s ", "0");
    p.string(Mode.ANY, "group_addr", "group_address %s ", "01:80:c2:00:00:00");
    p.number(Mode.ANY, "mcast_snooping", "mcast_snooping %d ", 1);
    p.number(Mode.ANY, "no_linklocal_learn", "no_linklocal_learn %d ", 0);
    p.number(Mode.ANY, "mcast_vlan_snooping", "mcast_vlan_snooping %d ", 0);
    p.number(Mode.ANY, "mcast_router", "mcast_router %d ", 1);
    p.number(Mode.ANY, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr %d ", 0);
    p.number(Mode.ANY, "mcast_querier", "mcast_querier %d ", 0);
    p.number(Mode.ANY, "mcast_hash_elasticity", "mcast_hash_elasticity %d ", 16);
    p.number(Mode.ANY, "mcast_hash_max", "mcast_hash_max %d ", 4096);
    p.number(Mode.ANY, "mcast_last_member_cnt", "mcast_last_member_count %d ", 2);
    p.number(Mode.ANY, "mcast_startup_query_cnt", "mcast_startup_query_count %d ", 2);
    p.number(Mode.ANY, "mcast_last_member_intvl", "mcast_last_member_interval %d ", 100);
    p.number(Mode.ANY, "mcast_membership_intvl", "mcast_membership_interval %d ", 26000);
    p.number(Mode.ANY, "mcast_querier_intvl", "mcast_querier_interval %d ", 25500);
    p.number(Mode.ANY, "mcast_query_intvl", "mcast_query_interval %d ", 12500);
    p.number(Mode.ANY, "mcast_query_response_intvl", "mcast_query_response_interval %d ", 1000);
    p.number(Mode.ANY, "mcast_startup_query_intvl", "mcast_startup_query_interval %d ", 3124);
    p.number(Mode.ANY, "mcast_stats_enabled", "mcast_stats_enabled %d ", 0);
    p.number(Mode.ANY, "mcast_igmp_version", "mcast_igmp_version %d ", 2);
    p.number(Mode.ANY, "mcast_mld_version", "mcast_mld_version %d ", 1);
    int nf = state.nfCallIptables() ? 1 : 0;
    p.number(Mode.ANY, "nf_call_iptables", "nf_call_iptables %d ", nf);
    p.number(Mode.ANY, "nf_call_ip6tables", "nf_call_ip6tables %d ", 0);
    p.number(Mode.ANY, "nf_call_arptables", "nf_call_arptables %d ", 0);
  }

  /** The STP state word of a port: forwarding or disabled (STP is never on here). */
  static String portState(NetDevice port) {
    return port.isForwardingPort() ? "forwarding" : "disabled";
  }

  static void port(IpPrinter p, NetDevice dev) {
    BridgePortSettings settings = dev.portSettings();
    int number = dev.portNumber();
    int portId = 0x8000 | number;
    String id = LinkFormatter.bridgeId(LinkFormatter.bridgeMac(dev.master()));
    p.string(Mode.ANY, "state", "state %s ", portState(dev));
    p.number(Mode.ANY, "priority", "priority %d ", 32);
    p.number(Mode.ANY, "cost", "cost %d ", settings.cost());
    p.onOff("hairpin", "hairpin %s ", settings.hairpin());
    p.onOff("guard", "guard %s ", false);
    p.onOff("root_block", "root_block %s ", false);
    p.onOff("fastleave", "fastleave %s ", false);
    p.onOff("learning", "learning %s ", settings.learning());
    p.onOff("flood", "flood %s ", settings.flood());
    p.string(Mode.ANY, "id", "port_id %s ", "0x" + Integer.toHexString(portId));
    p.string(Mode.ANY, "no", "port_no %s ", "0x" + Integer.toHexString(number));
    p.number(Mode.ANY, "designated_port", "designated_port %d ", portId);
    p.number(Mode.ANY, "designated_cost", "designated_cost %d ", 0);
    p.string(Mode.ANY, "bridge_id", "designated_bridge %s ", id);
    p.string(Mode.ANY, "root_id", "designated_root %s ", id);
    timer(p, "hold_timer");
    timer(p, "message_age_timer");
    timer(p, "forward_delay_timer");
    p.number(Mode.ANY, "topology_change_ack", "topology_change_ack %d ", 0);
    p.number(Mode.ANY, "config_pending", "config_pending %d ", 0);
    p.onOff("proxy_arp", "proxy_arp %s ", false);
    p.onOff("proxy_arp_wifi", "proxy_arp_wifi %s ", false);
    p.number(Mode.ANY, "multicast_router", "mcast_router %d ", 1);
    p.text("mcast_fast_leave off ");
    p.onOff("mcast_flood", "mcast_flood %s ", true);
    p.onOff("bcast_flood", "bcast_flood %s ", true);
    p.onOff("mcast_to_unicast", "mcast_to_unicast %s ", false);
    p.onOff("neigh_suppress", "neigh_suppress %s ", false);
    p.string(Mode.ANY, "group_fwd_mask", "group_fwd_mask %s ", "0");
    p.string(Mode.ANY, "group_fwd_mask_str", "group_fwd_mask_str %s ", "0x0");
    p.onOff("vlan_tunnel", "vlan_tunnel %s ", false);
    p.onOff("isolated", "isolated %s ", false);
    p.onOff("locked", "locked %s ", false);
  }
}
