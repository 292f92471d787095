# br_netfilter: why containers on one bridge cannot ping
# Two containers c1 and c2 on host1's bridge br0, and a FORWARD policy of DROP (Docker sets it). With br_netfilter loaded, net.bridge.bridge-nf-call-iptables=1 makes bridged IPv4 frames walk the iptables FORWARD chain too, so the policy drops traffic that never leaves the bridge.
# Ping 172.17.0.3 from c1 and watch the bridged echo walk filter FORWARD and die at its policy. Then mend it either way and ping again: `sysctl -w net.bridge.bridge-nf-call-iptables=0`, or `iptables -A FORWARD -i br0 -o br0 -j ACCEPT` (what Docker adds).
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
ip netns add c2
ip link add veth-c2 type veth peer name eth0 netns c2
ip link set veth-c2 address 02:00:00:00:00:12
ip -n c2 link set eth0 address 02:42:ac:11:00:03
ip link set veth-c2 master br0
ip link set veth-c2 up
ip -n c2 link set lo up
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n c2 link set eth0 up
iptables -P FORWARD DROP
