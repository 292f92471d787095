# ARP suppression on a VTEP (proxy): the VTEP answers ARP requests from its own neighbour table and
# sends no ARP into the tunnel; an address it does not know gets no answer at all.
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.2 dev u1 proxy nolearning
ip -n h2 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.1 dev u2 proxy nolearning
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h1 addr add 10.10.0.1/24 dev vx0
ip -n h2 addr add 10.10.0.2/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip netns exec h1 ping -c 1 -W 1 10.10.0.2
ip -n h1 neigh show dev vx0
ip -n h1 neigh add 10.10.0.2 lladdr 02:00:00:00:0a:02 dev vx0 nud permanent
ip -n h1 neigh flush dev vx0 nud failed
ip netns exec h1 ping -c 1 -W 1 10.10.0.2
ip -n h2 neigh add 10.10.0.1 lladdr 02:00:00:00:0a:01 dev vx0 nud permanent
ip netns exec h1 ping -c 1 -W 1 10.10.0.2
ip -n h1 -s link show vx0
ip -n h1 -d link show vx0
