# A VXLAN port under a bridge, the Docker-overlay way: on each host a bridge br0 with a container's
# veth and a VXLAN port without a remote; static entries tell each VTEP where the other container
# lives (self entries on the VXLAN port) and the bridge which port leads there (master entries).
ip netns add h1
ip netns add h2
ip netns add c1
ip netns add c2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec c1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec c2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add br0 type bridge
ip -n h2 link add br0 type bridge
ip -n h1 link set br0 up
ip -n h2 link set br0 up
ip -n h1 link add vxlan1 type vxlan id 256 dstport 4789 local 192.0.2.1 dev u1 nolearning
ip -n h2 link add vxlan1 type vxlan id 256 dstport 4789 local 192.0.2.2 dev u2 nolearning
ip -n h1 link set vxlan1 address 02:00:00:00:0a:01
ip -n h2 link set vxlan1 address 02:00:00:00:0a:02
ip -n h1 link set vxlan1 master br0
ip -n h2 link set vxlan1 master br0
ip -n h1 link set vxlan1 up
ip -n h2 link set vxlan1 up
ip link add veth1 netns h1 type veth peer name eth0 netns c1
ip link add veth2 netns h2 type veth peer name eth0 netns c2
ip -n h1 link set veth1 address 02:00:00:00:01:01
ip -n h2 link set veth2 address 02:00:00:00:02:01
ip -n c1 link set eth0 address 02:42:0a:00:00:02
ip -n c2 link set eth0 address 02:42:0a:00:00:03
ip -n h1 link set veth1 master br0
ip -n h2 link set veth2 master br0
ip -n h1 link set veth1 up
ip -n h2 link set veth2 up
ip -n c1 addr add 10.0.0.2/24 dev eth0
ip -n c2 addr add 10.0.0.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c1 neigh add 10.0.0.3 lladdr 02:42:0a:00:00:03 dev eth0 nud permanent
ip -n c2 neigh add 10.0.0.2 lladdr 02:42:0a:00:00:02 dev eth0 nud permanent
ip netns exec c1 ping -c 1 -W 1 10.0.0.3
ip netns exec h1 bridge fdb add 02:42:0a:00:00:03 dev vxlan1 dst 192.0.2.2 self permanent
ip netns exec h2 bridge fdb add 02:42:0a:00:00:02 dev vxlan1 dst 192.0.2.1 self permanent
ip netns exec h1 bridge fdb add 02:42:0a:00:00:03 dev vxlan1 master static
ip netns exec h2 bridge fdb add 02:42:0a:00:00:02 dev vxlan1 master static
ip netns exec c1 ping -c 2 -W 1 10.0.0.3
ip netns exec h1 bridge fdb show dev vxlan1
ip netns exec h1 bridge fdb show br br0
ip -n h1 -d link show vxlan1
ip netns exec h1 bridge link show
