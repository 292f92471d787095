# TCP to a rejected port: icmp-port-unreachable and tcp-reset both refuse the connection, DROP times out
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
ip netns exec s nc -l -k 80 &
ip netns exec s nc -l -k 81 &
ip netns exec s nc -l -k 82 &
ip netns exec c nc -z -w 1 198.51.100.2 80
ip netns exec r iptables -A FORWARD -p tcp --dport 80 -j REJECT
ip netns exec r iptables -A FORWARD -p tcp --dport 81 -j REJECT --reject-with tcp-reset
ip netns exec r iptables -A FORWARD -p tcp --dport 82 -j DROP
ip netns exec c nc -z -w 1 198.51.100.2 80
ip netns exec c nc -z -w 1 198.51.100.2 81
ip netns exec c nc -z -w 2 198.51.100.2 82
ip netns exec c nc -z -w 1 198.51.100.2 83
ip netns exec r iptables -L FORWARD -n -v
