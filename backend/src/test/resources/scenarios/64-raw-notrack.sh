# The raw table: CT --notrack exempts packets from conntrack, -m state sees them UNTRACKED, conntrack -L stays empty
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
ip netns exec r iptables -t raw -A PREROUTING -p icmp -j CT --notrack
ip netns exec r iptables -t raw -A PREROUTING -p icmp -j NOTRACK
ip netns exec r iptables -A FORWARD -m state --state UNTRACKED -j ACCEPT
ip netns exec r iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT
ip netns exec c ping -c 2 -i 0.2 -W 1 198.51.100.2
# a closed port: the SYN (NEW) and the RST that answers it (ESTABLISHED), nothing that depends on
# whether a server's ACK of the client's FIN rides on its own FIN (under load the kernel sometimes
# sends it alone, one packet more)
ip netns exec c nc -z -w 1 198.51.100.2 80
ip netns exec r conntrack -L
ip netns exec r iptables -L FORWARD -n -v -x
ip netns exec r iptables -t raw -S
ip netns exec r iptables -t raw -L -n -v -x
