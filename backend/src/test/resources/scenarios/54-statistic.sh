# -m statistic: nth counting is exact; random keeps its probability as a 31-bit threshold
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
ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-request -m statistic --mode nth --every 2 --packet 0 -j ACCEPT
ip netns exec r iptables -A FORWARD -m statistic --mode nth --every 2 -j ACCEPT
ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-request -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
ip netns exec r iptables -A INPUT -m statistic --mode random --probability 0.3333333333 -j RETURN
ip netns exec r iptables -A INPUT -m statistic --mode random --probability 0.5 -j RETURN
ip netns exec r iptables -A INPUT -m statistic --mode random --probability 0.1 -j RETURN
ip netns exec c ping -c 4 -i 0.2 -W 1 198.51.100.2
ip netns exec r iptables -L -n -v -x
ip netns exec r iptables-save
