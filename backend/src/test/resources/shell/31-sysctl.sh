# sysctl in a fresh namespace: defaults (forwarding 0, rp_filter 0, br_netfilter knobs present
# and 1), write forms and errors; conf.all.forwarding and conf.default.* propagate to devices.
ip netns add n
ip netns exec n sysctl net.ipv4.ip_forward
ip netns exec n sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding
ip netns exec n sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter
ip netns exec n sysctl net.ipv4.conf.all.proxy_arp net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce
ip netns exec n sysctl net.ipv4.conf.lo.rp_filter
ip netns exec n sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-arptables net.bridge.bridge-nf-call-ip6tables
ip netns exec n sysctl net.ipv4.neigh.default.base_reachable_time_ms
ip netns exec n sysctl net.ipv4.ip_default_ttl
ip netns exec n sysctl -n net.ipv4.ip_forward
ip netns exec n sysctl -w net.ipv4.ip_forward=1
ip netns exec n sysctl net.ipv4.conf.all.forwarding
ip netns exec n sysctl -w net.ipv4.conf.all.forwarding=0
ip netns exec n sysctl net.ipv4.ip_forward
ip netns exec n sysctl net.ipv4.ip_forward=1
ip netns exec n sysctl -q -w net.ipv4.ip_forward=0
ip netns exec n sysctl -w net.ipv4.ip_forward
ip netns exec n sysctl net.ipv4.nosuchkey
ip netns exec n sysctl -w net.ipv4.nosuchkey=1
ip netns exec n sysctl -w net.ipv4.ip_forward=abc
ip netns exec n sysctl net/ipv4/ip_forward
ip netns exec n ip link add v0 type veth peer name v1
ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v0.forwarding
ip netns exec n sysctl net.ipv4.neigh.v0.base_reachable_time_ms net.ipv4.neigh.v0.retrans_time_ms net.ipv4.neigh.v0.mcast_solicit net.ipv4.neigh.v0.delay_first_probe_time
ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=1
ip netns exec n ip link add v2 type veth peer name v3
ip netns exec n sysctl net.ipv4.conf.v2.rp_filter net.ipv4.conf.v0.rp_filter
ip netns exec n sysctl -w net.ipv4.conf.v9.rp_filter=1
ip netns exec n sysctl -w net.ipv4.conf.all.forwarding=1
ip netns exec n sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.default.forwarding
ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns exec n sysctl -w net.ipv4.conf.v0.rp_filter=2
ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=1
ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v2.rp_filter
sysctl net.ipv4.ip_forward
