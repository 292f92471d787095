# Reverse-path filtering on an asymmetric path: a ping sourced from 10.0.3.5 enters the
# router on r-a although the route back leaves by r-b. Effective value = max(all, iface).
ip netns add c
ip netns add r
ip link add c-a netns c type veth peer name r-a netns r
ip link add c-b netns c type veth peer name r-b netns r
ip netns exec c ip link set dev c-a address 02:00:00:00:0a:02
ip netns exec c ip link set dev c-b address 02:00:00:00:0b:02
ip netns exec r ip link set dev r-a address 02:00:00:00:0a:01
ip netns exec r ip link set dev r-b address 02:00:00:00:0b:01
ip netns exec c ip addr add 10.0.1.2/24 dev c-a
ip netns exec c ip addr add 10.0.3.5/24 dev c-b
ip netns exec r ip addr add 10.0.1.1/24 dev r-a
ip netns exec r ip addr add 10.0.3.1/24 dev r-b
ip netns exec c ip link set c-a up
ip netns exec c ip link set c-b up
ip netns exec r ip link set r-a up
ip netns exec r ip link set r-b up
ip netns exec r sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.r-a.rp_filter
ip netns exec c ip route get 10.0.1.1 from 10.0.3.5
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec r ip route get 10.0.1.1 from 10.0.3.5 iif r-a
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.r-a.rp_filter=1
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec r sysctl -w net.ipv4.conf.r-a.rp_filter=2
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.r-a.rp_filter=0
ip netns exec c ping -c 1 -W 1 -I 10.0.3.5 10.0.1.1
ip netns exec c ping -c 1 -W 1 10.0.1.1
