# A host that accepts only what it asked for: INPUT policy DROP with an ESTABLISHED,RELATED rule
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
ip netns exec c iptables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec c iptables -P INPUT DROP
ip netns exec c ping -c 2 -W 1 198.51.100.2
ip netns exec s ping -c 1 -W 1 10.0.1.2
ip netns exec c ping -c 1 -W 1 -t 1 198.51.100.2
ip netns exec c iptables -L INPUT -n -v -x
ip netns exec c conntrack -L
ip netns exec c iptables -D INPUT 1
ip netns exec c iptables -A INPUT -m state --state ESTABLISHED -j ACCEPT
ip netns exec c ping -c 1 -W 1 -t 1 198.51.100.2
ip netns exec c iptables -L INPUT -n -v -x
