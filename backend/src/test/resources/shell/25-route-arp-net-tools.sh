# The net-tools views: `route -n` and `arp -n` (and `arp -a`), including gateway flags,
# a dev-only route, a blackhole, a permanent neighbour and an incomplete entry.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec a ip addr add 192.168.60.1/24 dev eth0
ip netns exec b ip addr add 192.168.60.2/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec b ip link set eth0 up
ip netns exec a ip link set lo up
ip netns exec a route -n
ip netns exec a ip route add default via 192.168.60.2
ip netns exec a ip route add 10.60.0.0/16 via 192.168.60.2 metric 5
ip netns exec a ip route add 10.61.0.0/16 dev eth0
ip netns exec a ip route add blackhole 10.62.0.0/16
ip netns exec a ip route add unreachable 10.63.0.0/16
ip netns exec a route -n
ip netns exec a arp -n
ip netns exec a ping -c 1 -W 1 192.168.60.2
ip netns exec a ip neigh add 192.168.60.50 lladdr 02:00:00:00:00:50 dev eth0 nud permanent
ip netns exec a arp -n
ip netns exec a arp -n 192.168.60.2
ip netns exec a arp -n 192.168.60.77
ip netns exec a arp -d 192.168.60.50
ip netns exec a arp -n
ip netns exec a route -n -A inet
