# Two namespaces on a bridge in the root namespace: the bridge takes the lowest port MAC,
# ports forward at once (STP off), frames are switched, the FDB learns both hosts.
ip netns add h1
ip netns add h2
ip link add br0 type bridge
ip link add veth-h1 type veth peer name eth0 netns h1
ip link add veth-h2 type veth peer name eth0 netns h2
ip link set dev veth-h1 address 02:00:00:00:01:01
ip link set dev veth-h2 address 02:00:00:00:02:01
ip netns exec h1 ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec h2 ip link set dev eth0 address 02:00:00:00:02:02
ip link set veth-h1 master br0
ip link set veth-h2 master br0
ip link show br0
ip link set br0 up
ip link set veth-h1 up
ip link set veth-h2 up
ip netns exec h1 ip link set lo up
ip netns exec h2 ip link set lo up
ip netns exec h1 ip addr add 172.16.0.1/24 dev eth0
ip netns exec h2 ip addr add 172.16.0.2/24 dev eth0
ip netns exec h1 ip link set eth0 up
ip netns exec h2 ip link set eth0 up
ip link
ip netns exec h1 ping -c 2 -i 0.2 172.16.0.2
ip netns exec h2 ping -c 1 -W 1 172.16.0.1
ip netns exec h1 ip neigh
ip netns exec h2 ip neigh
bridge fdb show br br0
bridge link
brctl show
ip neigh
