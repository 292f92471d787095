# Two namespaces joined by one veth pair: device numbering, NO-CARRIER while the peer is
# down, connected and local routes, one ping, and the neighbour entries it leaves behind.
ip netns add a
ip netns add b
ip link add veth-a type veth peer name veth-b
ip link set dev veth-a address 02:00:00:00:0a:01
ip link set dev veth-b address 02:00:00:00:0b:01
ip link
ip link set veth-a netns a
ip link set veth-b netns b
ip link
ip netns list
ip netns exec a ip link set lo up
ip netns exec b ip link set lo up
ip netns exec a ip addr add 10.0.0.1/24 dev veth-a
ip netns exec b ip addr add 10.0.0.2/24 dev veth-b
ip netns exec a ip link set veth-a up
ip netns exec a ip link show veth-a
ip netns exec b ip link set veth-b up
ip netns exec a ip link show veth-a
ip netns exec b ip link
ip netns exec a ip addr show dev veth-a
ip netns exec b ip addr
ip netns exec a ip route
ip netns exec a ip route show table local
ip netns exec a ping -c 2 -i 0.2 10.0.0.2
ip netns exec a ip neigh
ip netns exec b ip neigh
ip netns exec a ip route get 10.0.0.2
ip netns exec b ping -c 1 -W 1 10.0.0.1
