# Matches: -m limit in virtual time, -m multiport, -m addrtype with --limit-iface-in, -i with a + wildcard, inverted addresses
ip netns add c
ip netns add r
ip netns add s
ip -n c link add eth0 type veth peer name rc netns r
ip -n s link add eth0 type veth peer name rs netns r
ip -n c addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev rc
ip -n r addr add 198.51.100.1/24 dev rs
ip -n s addr add 198.51.100.2/24 dev eth0
ip -n c link set eth0 up
ip -n r link set rc up
ip -n r link set rs up
ip -n s link set eth0 up
ip -n c route add default via 10.0.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n s route add default via 198.51.100.1
ip netns exec r iptables -A FORWARD -i r+ -p icmp -m limit --limit 1/min --limit-burst 2 -j ACCEPT
ip netns exec r iptables -A FORWARD -i rc -p icmp -j DROP
ip netns exec r iptables -A FORWARD -p tcp -m multiport --dports 22,80,1000:2000 -j ACCEPT
ip netns exec r iptables -A FORWARD ! -s 10.0.1.0/24 -p tcp -j ACCEPT
ip netns exec r iptables -A INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
ip netns exec r iptables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
ip netns exec r iptables -A INPUT -m addrtype --src-type UNICAST -j ACCEPT
ip netns exec s nc -l -k 1500 &
ip netns exec s nc -l -k 3000 &
ip netns exec c ping -c 4 -i 0.2 -W 1 198.51.100.2
ip netns exec c nc -z -w 1 198.51.100.2 1500
ip netns exec c nc -z -w 1 198.51.100.2 3000
ip netns exec c ping -c 1 -W 1 198.51.100.1
ip netns exec c ping -c 1 -W 1 10.0.1.1
ip netns exec r iptables -L -n -v -x
ip netns exec r iptables -L -v
