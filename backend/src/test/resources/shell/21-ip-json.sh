# JSON output (`ip -j`) of link, addr, route and neigh: one line, no trailing newline
# decoration, keys in iproute2's fixed order. IPv6 is off so no tentative link-local appears.
ip netns add a
ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec a sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec a ip link add eth0 type veth peer name peer0
ip netns exec a ip link set dev eth0 address 02:00:00:00:00:01
ip netns exec a ip link set dev peer0 address 02:00:00:00:00:02
ip netns exec a ip addr add 10.20.0.1/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec a ip link set peer0 up
ip netns exec a ip link set lo up
ip netns exec a ip route add default via 10.20.0.254
ip netns exec a ip route add 10.30.0.0/16 via 10.20.0.2 metric 20
ip netns exec a ip route add blackhole 10.40.0.0/16
ip netns exec a ip neigh add 10.20.0.2 lladdr 02:00:00:00:00:02 dev eth0 nud permanent
ip netns exec a ip -j link
ip netns exec a ip -j link show eth0
ip netns exec a ip -j addr
ip netns exec a ip -j addr show dev eth0
ip netns exec a ip -j route
ip netns exec a ip -j route get 10.30.1.1
ip netns exec a ip -j neigh
ip netns exec a ip -j -p addr show dev eth0
ip netns exec a ip -j link show nosuchdev
