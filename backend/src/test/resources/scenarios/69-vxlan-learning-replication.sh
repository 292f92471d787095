# VXLAN learning and head-end replication: three hosts on an underlay bridge (namespace sw). h1's
# VTEP has no remote; two all-zeros entries send broadcasts to both peers. The peers' VTEPs only
# know h1 as their remote. After a ping from h1 to h2, each VTEP has learned who is where.
ip netns add sw
ip netns add h1
ip netns add h2
ip netns add h3
ip netns exec sw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h3 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n sw link add br0 type bridge
ip -n sw link set br0 up
ip link add eth0 netns h1 type veth peer name p1 netns sw
ip link add eth0 netns h2 type veth peer name p2 netns sw
ip link add eth0 netns h3 type veth peer name p3 netns sw
ip -n h1 link set eth0 address 02:00:00:00:00:01
ip -n h2 link set eth0 address 02:00:00:00:00:02
ip -n h3 link set eth0 address 02:00:00:00:00:03
ip -n sw link set p1 master br0
ip -n sw link set p2 master br0
ip -n sw link set p3 master br0
ip -n sw link set p1 up
ip -n sw link set p2 up
ip -n sw link set p3 up
ip -n h1 addr add 192.0.2.1/24 dev eth0
ip -n h2 addr add 192.0.2.2/24 dev eth0
ip -n h3 addr add 192.0.2.3/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h3 link set eth0 up
ip -n h1 link add vx0 type vxlan id 100 dstport 4789 dev eth0
ip -n h2 link add vx0 type vxlan id 100 dstport 4789 remote 192.0.2.1 dev eth0
ip -n h3 link add vx0 type vxlan id 100 dstport 4789 remote 192.0.2.1 dev eth0
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h3 link set vx0 address 02:00:00:00:0a:03
ip -n h1 addr add 10.100.0.1/24 dev vx0
ip -n h2 addr add 10.100.0.2/24 dev vx0
ip -n h3 addr add 10.100.0.3/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip -n h3 link set vx0 up
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h1 bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.2
ip netns exec h1 bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.3
ip netns exec h1 bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.3
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h1 ping -c 2 -W 1 10.100.0.2
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h2 bridge fdb show dev vx0
ip netns exec h3 bridge fdb show dev vx0
ip -n h3 neigh show dev vx0
ip netns exec h3 ping -c 1 -W 1 10.100.0.2
ip netns exec h2 bridge fdb show dev vx0
ip netns exec h1 bridge fdb add 02:00:00:00:0a:03 dev vx0 dst 192.0.2.9
ip netns exec h1 bridge fdb add 02:00:00:00:0a:03 dev vx0 dst 192.0.2.9
ip netns exec h1 bridge fdb replace 02:00:00:00:0a:03 dev vx0 dst 192.0.2.3
ip netns exec h1 bridge fdb replace 00:00:00:00:00:00 dev vx0 dst 192.0.2.3
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h1 bridge fdb del 00:00:00:00:00:00 dev vx0 dst 192.0.2.2
ip netns exec h1 bridge fdb del 02:00:00:00:0a:09 dev vx0
ip netns exec h1 bridge -j fdb show dev vx0
