# Moving an interface between namespaces: it arrives down, without addresses or routes,
# keeps its MAC and (if free) its ifindex; the peer then shows @ifN and link-netns.
ip netns add a
ip netns add b
ip link add v0 type veth peer name v1
ip link set dev v0 address 02:00:00:00:00:10
ip link set dev v1 address 02:00:00:00:00:11
ip addr add 10.8.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip addr show v0
ip route
ip link set v0 netns a
ip link show v1
ip route
ip netns exec a ip addr
ip netns exec a ip route
ip netns exec a ip link add w0 type veth peer name w1
ip netns exec a ip link set v0 netns b
ip netns exec b ip link
ip netns exec a ip link
ip link show v1
ip netns exec b ip link set v0 netns a
ip netns exec a ip link show v0
ip netns exec a ip link set w1 netns b
ip netns exec b ip link show w1
ip netns exec a ip link set v9 netns b
ip netns exec a ip link set w0 netns nosuchns
ip link set v1 netns a
ip netns exec a ip -br link
ip netns list
