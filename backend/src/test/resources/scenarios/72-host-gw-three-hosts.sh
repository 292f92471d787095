# Flannel's host-gw backend on three hosts (namespaces on an underlay bridge): no tunnel, only a
# route on each host to every other host's pod subnet via that host's underlay address. Pods ping
# across hosts; the TTL shows the two hops; traceroute-like TTL 1 and 2 probes expire on the way.
ip netns add sw
ip netns add h1
ip netns add h2
ip netns add h3
ip netns add pod1
ip netns add pod2
ip netns add pod3
ip -n sw link add br0 type bridge
ip -n sw link set br0 up
ip link add eth0 netns h1 type veth peer name p1 netns sw
ip link add eth0 netns h2 type veth peer name p2 netns sw
ip link add eth0 netns h3 type veth peer name p3 netns sw
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
ip netns exec h1 sysctl -w net.ipv4.ip_forward=1
ip netns exec h2 sysctl -w net.ipv4.ip_forward=1
ip netns exec h3 sysctl -w net.ipv4.ip_forward=1
ip link add veth0 netns h1 type veth peer name eth0 netns pod1
ip link add veth0 netns h2 type veth peer name eth0 netns pod2
ip link add veth0 netns h3 type veth peer name eth0 netns pod3
ip -n h1 addr add 10.244.1.1/24 dev veth0
ip -n h2 addr add 10.244.2.1/24 dev veth0
ip -n h3 addr add 10.244.3.1/24 dev veth0
ip -n h1 link set veth0 up
ip -n h2 link set veth0 up
ip -n h3 link set veth0 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod2 addr add 10.244.2.2/24 dev eth0
ip -n pod3 addr add 10.244.3.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n pod3 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip -n pod2 route add default via 10.244.2.1
ip -n pod3 route add default via 10.244.3.1
ip netns exec pod1 ping -c 1 -W 1 10.244.2.2
ip -n h1 route add 10.244.2.0/24 via 192.0.2.2 dev eth0
ip -n h1 route add 10.244.3.0/24 via 192.0.2.3 dev eth0
ip -n h2 route add 10.244.1.0/24 via 192.0.2.1 dev eth0
ip -n h2 route add 10.244.3.0/24 via 192.0.2.3 dev eth0
ip -n h3 route add 10.244.1.0/24 via 192.0.2.1 dev eth0
ip -n h3 route add 10.244.2.0/24 via 192.0.2.2 dev eth0
ip -n h1 route
ip netns exec pod1 ping -c 1 -W 1 10.244.2.2
ip netns exec pod1 ping -c 1 -W 1 10.244.3.2
ip netns exec pod3 ping -c 1 -W 1 10.244.2.2
ip netns exec pod1 ping -c 1 -W 1 -t 1 10.244.3.2
ip netns exec pod1 ping -c 1 -W 1 -t 2 10.244.3.2
ip -n h1 route get 10.244.3.2
ip -n h2 neigh show dev eth0
