# A bridge with an address acts as the gateway of two namespaces: default routes via the
# bridge address, pings to the gateway and across, and the route decisions behind them.
ip netns add c1
ip netns add c2
ip link add br0 type bridge
ip link set dev br0 address 02:00:00:00:00:01
ip addr add 172.16.100.1/24 dev br0
ip link set br0 up
ip addr show dev br0
ip link add veth-c1 type veth peer name eth0 netns c1
ip link add veth-c2 type veth peer name eth0 netns c2
ip link set dev veth-c1 address 02:00:00:00:01:01
ip link set dev veth-c2 address 02:00:00:00:02:01
ip netns exec c1 ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec c2 ip link set dev eth0 address 02:00:00:00:02:02
ip link set veth-c1 master br0
ip link set veth-c2 master br0
ip link set veth-c1 up
ip link set veth-c2 up
ip netns exec c1 ip addr add 172.16.100.101/24 dev eth0
ip netns exec c2 ip addr add 172.16.100.102/24 dev eth0
ip netns exec c1 ip link set eth0 up
ip netns exec c2 ip link set eth0 up
ip netns exec c1 ip link set lo up
ip netns exec c2 ip link set lo up
ip netns exec c1 ip route add default via 172.16.100.1
ip netns exec c2 ip route add default via 172.16.100.1 dev eth0
ip netns exec c1 ip route
ip netns exec c1 ip route get 198.51.100.7
ip netns exec c1 ip route get 172.16.100.102
ip netns exec c1 ping -c 1 -W 1 172.16.100.1
ip netns exec c1 ping -c 1 -W 1 172.16.100.102
ip netns exec c2 ping -c 1 -W 1 172.16.100.101
ping -c 1 -W 1 172.16.100.102
ip route
ip route show table local
ip neigh
ip netns exec c1 ip neigh
ip route get 172.16.100.101
ip link show br0
