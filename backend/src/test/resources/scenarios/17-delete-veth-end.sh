# Deleting one end of a veth pair deletes the peer too, wherever it lives, together with
# its addresses and routes; deleting again or deleting a missing device fails.
ip netns add a
ip link add v-root type veth peer name v-ns netns a
ip link set dev v-root address 02:00:00:00:00:20
ip netns exec a ip link set dev v-ns address 02:00:00:00:00:21
ip addr add 10.9.0.1/24 dev v-root
ip link set v-root up
ip netns exec a ip addr add 10.9.0.2/24 dev v-ns
ip netns exec a ip link set v-ns up
ip netns exec a ip route add default via 10.9.0.1
ip netns exec a ip route
ip link
ip netns exec a ip link del v-ns
ip link
ip route
ip netns exec a ip link
ip netns exec a ip route
ip link del v-root
ip link delete dev v-root
ip link add x1 type veth peer name x2
ip link delete x2
ip link show x1
ip link add br9 type bridge
ip link add x3 type veth peer name x4
ip link set x3 master br9
ip link del br9
ip link show x3
