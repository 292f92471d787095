# Containers reach the internet through MASQUERADE
# host1 has a bridge br0 (172.17.0.1/16) with container c1, and eth0 (198.51.100.2/24) on a network shared with a server on the internet (198.51.100.1). The host forwards (ip_forward=1) and, as Docker does, masquerades what its containers send anywhere but br0.
# Ping 198.51.100.1 from c1: the packet is routed out of eth0, nat POSTROUTING's MASQUERADE rewrites its source to 198.51.100.2 and conntrack remembers the connection; the server answers the host, and conntrack turns the reply back to c1. Run `iptables -t nat -L -n -v` and `conntrack -L` on host1 afterwards.
# probe host1/c1 ping 198.51.100.1
pw switch add wan
pw host add internet
pw nic add host1 eth0 switch wan address 02:00:00:00:01:01
pw nic add internet eth0 switch wan address 02:00:00:00:09:01
pw use internet
ip addr add 198.51.100.1/24 dev eth0
ip link set eth0 up
pw use host1
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
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
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE
