# Flannel's VXLAN backend on two hosts (namespaces h1, h2 on a veth underlay): each host has a cni0
# bridge with a pod, and a flannel.1 VTEP (VNI 1, port 8472, nolearning) with the route, the
# permanent neighbour and the self FDB entry flanneld installs for the other host's subnet. A pod
# pings the other host's pod; without the FDB entry the VTEP cannot send.
ip netns add h1
ip netns add h2
ip netns add pod1
ip netns add pod2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h1 sysctl -w net.ipv4.ip_forward=1
ip netns exec h2 sysctl -w net.ipv4.ip_forward=1
ip link add eth0 netns h1 type veth peer name eth0 netns h2
ip -n h1 link set eth0 address 02:00:00:00:00:01
ip -n h2 link set eth0 address 02:00:00:00:00:02
ip -n h1 addr add 192.0.2.11/24 dev eth0
ip -n h2 addr add 192.0.2.12/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 link add cni0 type bridge
ip -n h2 link add cni0 type bridge
ip -n h1 link set cni0 address 02:00:00:00:01:01
ip -n h2 link set cni0 address 02:00:00:00:02:01
ip -n h1 addr add 10.244.1.1/24 dev cni0
ip -n h2 addr add 10.244.2.1/24 dev cni0
ip -n h1 link set cni0 up
ip -n h2 link set cni0 up
ip link add veth1 netns h1 type veth peer name eth0 netns pod1
ip link add veth2 netns h2 type veth peer name eth0 netns pod2
ip -n h1 link set veth1 address 02:00:00:00:01:02
ip -n h2 link set veth2 address 02:00:00:00:02:02
ip -n pod1 link set eth0 address 02:00:00:00:01:03
ip -n pod2 link set eth0 address 02:00:00:00:02:03
ip -n h1 link set veth1 master cni0
ip -n h2 link set veth2 master cni0
ip -n h1 link set veth1 up
ip -n h2 link set veth2 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod2 addr add 10.244.2.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip -n pod2 route add default via 10.244.2.1
ip -n h1 link add flannel.1 type vxlan id 1 local 192.0.2.11 dev eth0 nolearning dstport 8472
ip -n h2 link add flannel.1 type vxlan id 1 local 192.0.2.12 dev eth0 nolearning dstport 8472
ip -n h1 link set flannel.1 address 5e:f8:4f:00:e3:01
ip -n h2 link set flannel.1 address 5e:f8:4f:00:e3:02
ip -n h1 addr add 10.244.1.0/32 dev flannel.1
ip -n h2 addr add 10.244.2.0/32 dev flannel.1
ip -n h1 link set flannel.1 up
ip -n h2 link set flannel.1 up
ip -n h1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n h2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n h1 neigh add 10.244.2.0 lladdr 5e:f8:4f:00:e3:02 dev flannel.1 nud permanent
ip -n h2 neigh add 10.244.1.0 lladdr 5e:f8:4f:00:e3:01 dev flannel.1 nud permanent
ip netns exec pod1 ping -c 1 -W 1 10.244.2.2
ip netns exec h1 bridge fdb append 5e:f8:4f:00:e3:02 dev flannel.1 dst 192.0.2.12 self permanent
ip netns exec h2 bridge fdb append 5e:f8:4f:00:e3:01 dev flannel.1 dst 192.0.2.11 self permanent
ip netns exec pod1 ping -c 2 -W 1 10.244.2.2
ip netns exec pod2 ping -c 1 -W 1 10.244.1.2
ip -n h1 route
ip -n h1 -d link show flannel.1
ip -n h1 neigh show dev flannel.1
ip netns exec h1 bridge fdb show dev flannel.1
ip netns exec h1 bridge fdb show
ip -n h1 -s link show flannel.1
ip netns exec pod1 ping -c 1 -W 1 -M do -s 1422 10.244.2.2
ip netns exec pod1 ping -c 1 -W 1 -M do -s 1423 10.244.2.2
ip netns exec h1 bridge fdb del 5e:f8:4f:00:e3:02 dev flannel.1 dst 192.0.2.12
ip netns exec h1 bridge fdb show dev flannel.1
ip netns exec pod1 ping -c 1 -W 1 10.244.2.2
