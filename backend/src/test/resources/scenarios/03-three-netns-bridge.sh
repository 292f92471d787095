# Three namespaces on one bridge: any-to-any pings, and the learned FDB afterwards.
# IPv6 is switched off in the hosts so only the pings teach the bridge (no DAD/MLD chatter).
ip netns add n1
ip netns add n2
ip netns add n3
ip netns exec n1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n3 sysctl -w net.ipv6.conf.all.disable_ipv6=1
sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip link add sw type bridge
ip link set dev sw address 02:00:00:00:00:fe
ip link add p1 type veth peer name eth0 netns n1
ip link add p2 type veth peer name eth0 netns n2
ip link add p3 type veth peer name eth0 netns n3
ip link set dev p1 address 02:00:00:00:01:01
ip link set dev p2 address 02:00:00:00:02:01
ip link set dev p3 address 02:00:00:00:03:01
ip netns exec n1 ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec n2 ip link set dev eth0 address 02:00:00:00:02:02
ip netns exec n3 ip link set dev eth0 address 02:00:00:00:03:02
ip link set p1 master sw
ip link set p2 master sw
ip link set p3 master sw
ip link set sw up
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip netns exec n1 ip addr add 192.168.5.1/24 dev eth0
ip netns exec n2 ip addr add 192.168.5.2/24 dev eth0
ip netns exec n3 ip addr add 192.168.5.3/24 dev eth0
ip netns exec n1 ip link set eth0 up
ip netns exec n2 ip link set eth0 up
ip netns exec n3 ip link set eth0 up
bridge fdb show br sw
ip netns exec n1 ping -c 1 -W 1 192.168.5.2
bridge fdb show br sw
ip netns exec n2 ping -c 1 -W 1 192.168.5.3
ip netns exec n3 ping -c 1 -W 1 192.168.5.1
bridge fdb show br sw
bridge fdb show dev p2
ip netns exec n1 ip neigh
ip netns exec n2 ip neigh
ip netns exec n3 ip neigh
brctl show sw
brctl showmacs sw
ip -br link
