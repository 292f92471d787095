# A router namespace between two subnets
# Namespace r routes between 10.0.1.0/24 (client c1) and 10.0.2.0/24 (server s1): each side is a veth pair, r forwards (ip_forward=1), and each end host's default route points at r.
# Ping 10.0.2.2 from c1: c1 resolves its gateway 10.0.1.1 by ARP, r looks up its routing table, decrements the TTL, resolves s1 on the other side and forwards; the reply comes back the same way.
# probe host1/c1 ping 10.0.2.2
ip netns add c1
ip netns add r
ip netns add s1
ip -n c1 link add eth0 type veth peer name to-c1 netns r
ip -n s1 link add eth0 type veth peer name to-s1 netns r
ip -n c1 link set eth0 address 02:00:00:00:01:02
ip -n r link set to-c1 address 02:00:00:00:01:01
ip -n r link set to-s1 address 02:00:00:00:02:01
ip -n s1 link set eth0 address 02:00:00:00:02:02
ip -n c1 link set lo up
ip -n r link set lo up
ip -n s1 link set lo up
ip -n c1 addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev to-c1
ip -n r addr add 10.0.2.1/24 dev to-s1
ip -n s1 addr add 10.0.2.2/24 dev eth0
ip -n c1 link set eth0 up
ip -n r link set to-c1 up
ip -n r link set to-s1 up
ip -n s1 link set eth0 up
ip -n c1 route add default via 10.0.1.1
ip -n s1 route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
