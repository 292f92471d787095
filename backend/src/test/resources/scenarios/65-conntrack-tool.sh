# The conntrack tool: listing with filters, counting, deleting, flushing, and its errors
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
ip netns exec r iptables -A FORWARD -m conntrack --ctstate NEW -j ACCEPT
ip netns exec s nc -l -k 80 &
ip netns exec c ping -c 1 -W 1 198.51.100.2
ip netns exec s ping -c 1 -W 1 10.0.1.2
ip netns exec c nc -z -w 1 198.51.100.2 80
ip netns exec r conntrack -L
ip netns exec r conntrack -L -p tcp
ip netns exec r conntrack -L -s 10.0.1.2
ip netns exec r conntrack -L -d 10.0.1.2 -p icmp
ip netns exec r conntrack -L --dport 80
ip netns exec r conntrack -C
ip netns exec r conntrack -D -s 198.51.100.2
ip netns exec r conntrack -D -s 198.51.100.2
ip netns exec r conntrack -L
ip netns exec r conntrack -F
ip netns exec r conntrack -C
ip netns exec r conntrack --bogus
ip netns exec r conntrack -L -p foo
ip netns exec r conntrack -L -s 300.1.1.1
