# Special route types: unreachable, prohibit and blackhole, seen by a local sender and by a
# client whose packets the router would forward (ICMP host unreachable / filtered / silence).
ip netns add c
ip netns add r
ip link add eth0 netns c type veth peer name rc netns r
ip netns exec c ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec r ip link set dev rc address 02:00:00:00:01:01
ip netns exec c ip addr add 10.0.1.2/24 dev eth0
ip netns exec r ip addr add 10.0.1.1/24 dev rc
ip netns exec c ip link set eth0 up
ip netns exec r ip link set rc up
ip netns exec r ip link set lo up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec c ip route add default via 10.0.1.1
ip netns exec r ip route add unreachable 203.0.113.0/24
ip netns exec r ip route add prohibit 198.51.100.0/24
ip netns exec r ip route add blackhole 192.0.2.0/24
ip netns exec r ip route add unreachable 10.9.0.0/16 metric 10
ip netns exec r ip route
ip netns exec r ip route get 203.0.113.5
ip netns exec r ip route get 198.51.100.5
ip netns exec r ip route get 192.0.2.5
ip netns exec r ip route get 203.0.113.5 from 10.0.1.2 iif rc
ip netns exec r ping -c 1 -W 1 203.0.113.5
ip netns exec r ping -c 1 -W 1 198.51.100.5
ip netns exec r ping -c 1 -W 1 192.0.2.5
ip netns exec c ping -c 1 -W 1 203.0.113.5
ip netns exec c ping -c 1 -W 1 198.51.100.5
ip netns exec c ping -c 1 -W 1 192.0.2.5
ip netns exec r ip route del blackhole 192.0.2.0/24
ip netns exec r ip route del 198.51.100.0/24
ip netns exec r ip route show type unreachable
