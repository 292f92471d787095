# VXLAN point to point: two "hosts" (namespaces h1, h2) joined by a veth underlay, a VTEP on each
# with the other as its remote. ip -d link (text and JSON), the MTU 50 bytes below the underlay's,
# a ping across the tunnel, what each VTEP learned, and a DF ping one byte too big for the tunnel.
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 link set u1 address 02:00:00:00:00:01
ip -n h2 link set u2 address 02:00:00:00:00:02
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 192.0.2.2 dev u1
ip -n h2 link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.2 remote 192.0.2.1 dev u2
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h1 -d link show vx0
ip -n h1 link show type vxlan
ip -n h1 addr add 10.10.0.1/24 dev vx0
ip -n h2 addr add 10.10.0.2/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip -n h1 -d link show vx0
ip -n h1 -d -j link show vx0
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h1 ping -c 2 -W 1 10.10.0.2
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h2 bridge fdb show dev vx0
ip netns exec h2 bridge -j fdb show dev vx0
ip -n h1 neigh show dev vx0
ip -n h2 neigh show dev vx0
ip netns exec h1 ping -c 1 -W 1 -M do -s 1423 10.10.0.2
ip netns exec h1 ping -c 1 -W 1 -M do -s 1422 10.10.0.2
ip -n h1 link del u1
ip -n h1 link show
