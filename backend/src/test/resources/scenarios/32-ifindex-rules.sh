# ifindex numbering: per namespace, sequential from lo=1, never reused; the veth peer is
# created first (lower index); a moved device keeps its index if free in the target netns.
ip netns add a
ip link add v1 type veth peer name v2
ip link add v3 type veth peer name v4 netns a
ip link del v1
ip link add v5 type veth peer name v6
ip link set dev v3 address 02:00:00:00:00:03
ip link set dev v5 address 02:00:00:00:00:05
ip link set dev v6 address 02:00:00:00:00:06
ip netns exec a ip link set dev v4 address 02:00:00:00:00:04
ip link
ip netns exec a ip link
ip link set v5 netns a
ip netns exec a ip link add w1 type veth peer name w2
ip netns exec a ip link set dev w1 address 02:00:00:00:00:11
ip netns exec a ip link set dev w2 address 02:00:00:00:00:12
ip netns exec a ip link
ip link add b1 type bridge
ip link set dev b1 address 02:00:00:00:00:b1
ip link add name veth0 type veth
ip link set v6 netns a
ip link add d1 type veth peer name d2 netns a
ip link set dev d1 address 02:00:00:00:00:d1
ip netns exec a ip link set dev d2 address 02:00:00:00:00:d2
ip link
ip netns exec a ip link
ip netns exec a ip link set w1 netns a
ip netns exec a ip link add t1 type veth peer name t2
ip netns exec a ip -br link show t1
ip netns exec a ip -br link show t2
