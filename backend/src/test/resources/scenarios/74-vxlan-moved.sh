# A VTEP made in one namespace and moved into another (as Docker's overlay driver does): its
# socket stays where it was made, so it still wraps through that namespace's underlay; it dies
# with its underlay device, wherever it lives.
ip netns add h1
ip netns add h2
ip netns add ov
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec ov sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add vx0 type vxlan id 7 dstport 4789 remote 192.0.2.2 dev u1
ip -n h2 link add vx0 type vxlan id 7 dstport 4789 remote 192.0.2.1 dev u2
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h1 link set vx0 netns ov
ip -n ov addr add 10.7.0.1/24 dev vx0
ip -n h2 addr add 10.7.0.2/24 dev vx0
ip -n ov link set vx0 up
ip -n h2 link set vx0 up
ip netns exec ov ping -c 1 -W 1 10.7.0.2
ip netns exec h2 bridge fdb show dev vx0
ip -n ov -s link show vx0
ip -n h1 -s link show u1
ip -n h1 link del u1
ip -n ov link show
ip -n h2 link show
