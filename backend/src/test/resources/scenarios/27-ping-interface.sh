# `ping -I`: binding to an interface or a source address picks the egress device and the
# source; binding to the wrong interface leaves the peer unresolved.
ip netns add h
ip netns add x
ip netns add y
ip link add ex netns h type veth peer name eth0 netns x
ip link add ey netns h type veth peer name eth0 netns y
ip netns exec h ip link set dev ex address 02:00:00:00:01:01
ip netns exec h ip link set dev ey address 02:00:00:00:02:01
ip netns exec x ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec y ip link set dev eth0 address 02:00:00:00:02:02
ip netns exec h ip addr add 10.10.1.1/24 dev ex
ip netns exec h ip addr add 10.10.2.1/24 dev ey
ip netns exec x ip addr add 10.10.1.2/24 dev eth0
ip netns exec y ip addr add 10.10.2.2/24 dev eth0
ip netns exec h ip link set ex up
ip netns exec h ip link set ey up
ip netns exec h ip link set lo up
ip netns exec x ip link set eth0 up
ip netns exec y ip link set eth0 up
ip netns exec x ip route add default via 10.10.1.1
ip netns exec h ping -c 1 -W 1 -I ex 10.10.1.2
ip netns exec h ping -c 1 -W 1 -I 10.10.2.1 10.10.1.2
ip netns exec h ping -c 1 -W 1 -I ey 10.10.2.2
ip netns exec h ip route get 10.10.1.2 oif ey
ip netns exec h ping -c 1 -W 4 -I ey 10.10.1.2
ip netns exec h ip neigh show dev ey
ip netns exec h ping -c 1 -W 1 -I nosuchdev 10.10.1.2
ip netns exec h ping -c 1 -W 1 -I 10.99.0.1 10.10.1.2
ip netns exec h ping -c 1 -W 1 127.0.0.1
ip netns exec h ping -c 1 -W 1 10.10.2.1
ip netns exec x ping -c 1 -W 1 10.10.2.1
ip netns exec h ping -c 1 -W 1 -q 10.10.1.2
