# User chains: -j pushes a return point, -g does not, RETURN and the end of a chain go back
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
ip netns exec s nc -l -k 83 &
ip netns exec r iptables -N CHK
ip netns exec r iptables -N SUB
ip netns exec r iptables -A FORWARD -j CHK
ip netns exec r iptables -A FORWARD -p icmp -j ACCEPT
ip netns exec r iptables -A CHK -p tcp --dport 83 -g SUB
ip netns exec r iptables -A CHK -p icmp -j RETURN
ip netns exec r iptables -A CHK -j ACCEPT
ip netns exec r iptables -A SUB -p tcp -j RETURN
ip netns exec r iptables -A SUB -j ACCEPT
ip netns exec r iptables -P FORWARD DROP
ip netns exec c ping -c 1 -W 1 198.51.100.2
ip netns exec c nc -z -w 2 198.51.100.2 83
ip netns exec r iptables -L -n -v -x
