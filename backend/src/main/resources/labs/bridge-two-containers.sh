# Two containers on a bridge
# The host's bridge br0 (172.17.0.1/16, like Docker's docker0) with two containers c1 and c2, each joined to it by a veth pair whose host end is a bridge port: Docker's default bridge network.
# Ping 172.17.0.3 from c1: the ARP request floods through br0, the bridge learns both MACs on their ports, and the echo is switched from port to port — the host does not route it.
# probe host1/c1 ping 172.17.0.3
ip link add br0 type bridge
ip link set br0 address 02:42:ac:11:00:01
ip addr add 172.17.0.1/16 dev br0
ip link set br0 up
ip netns add c1
ip link add veth-c1 type veth peer name eth0 netns c1
ip link set veth-c1 address 02:00:00:00:00:11
ip -n c1 link set eth0 address 02:42:ac:11:00:02
ip link set veth-c1 master br0
ip link set veth-c1 up
ip -n c1 link set lo up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip netns add c2
ip link add veth-c2 type veth peer name eth0 netns c2
ip link set veth-c2 address 02:00:00:00:00:12
ip -n c2 link set eth0 address 02:42:ac:11:00:03
ip link set veth-c2 master br0
ip link set veth-c2 up
ip -n c2 link set lo up
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n c2 link set eth0 up
ip -n c2 route add default via 172.17.0.1
