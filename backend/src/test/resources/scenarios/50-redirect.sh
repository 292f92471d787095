# REDIRECT: forwarded traffic to the incoming device's address, the router's own traffic to 127.0.0.1
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
ip -n r link set lo up
ip -n s route add default via 198.51.100.1
ip netns exec r nc -l -k 9090 &
ip netns exec r iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 9090
ip netns exec r iptables -t nat -A OUTPUT -p tcp --dport 8081 -j REDIRECT --to-ports 9090
ip netns exec c nc -z -w 1 198.51.100.2 8080
ip netns exec r nc -z -w 1 198.51.100.2 8081
ip netns exec r conntrack -L
ip netns exec r iptables -t nat -L -n -v -x
