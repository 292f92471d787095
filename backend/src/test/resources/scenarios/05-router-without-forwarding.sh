# A router namespace between two subnets with ip_forward left at 0: the router answers for
# both of its own addresses, but silently drops traffic it would have to forward.
ip netns add client
ip netns add router
ip netns add server
ip link add c-eth0 type veth peer name r-eth0
ip link add s-eth0 type veth peer name r-eth1
ip link set dev c-eth0 address 02:00:00:00:01:02
ip link set dev r-eth0 address 02:00:00:00:01:01
ip link set dev r-eth1 address 02:00:00:00:02:01
ip link set dev s-eth0 address 02:00:00:00:02:02
ip link set c-eth0 netns client
ip link set r-eth0 netns router
ip link set r-eth1 netns router
ip link set s-eth0 netns server
ip netns exec client ip addr add 10.0.1.2/24 dev c-eth0
ip netns exec router ip addr add 10.0.1.1/24 dev r-eth0
ip netns exec router ip addr add 10.0.2.1/24 dev r-eth1
ip netns exec server ip addr add 10.0.2.2/24 dev s-eth0
ip netns exec client ip link set c-eth0 up
ip netns exec router ip link set r-eth0 up
ip netns exec router ip link set r-eth1 up
ip netns exec server ip link set s-eth0 up
ip netns exec client ip route add default via 10.0.1.1
ip netns exec server ip route add default via 10.0.2.1
ip netns exec router sysctl net.ipv4.ip_forward
ip netns exec router ip route
ip netns exec client ping -c 1 -W 1 10.0.1.1
ip netns exec client ping -c 1 -W 1 10.0.2.1
ip netns exec client ping -c 1 -W 1 10.0.2.2
ip netns exec router ip neigh
ip netns exec server ip neigh
ip netns exec client ip route get 10.0.2.2
ip netns exec router ip route get 10.0.2.2 from 10.0.1.2 iif r-eth0
