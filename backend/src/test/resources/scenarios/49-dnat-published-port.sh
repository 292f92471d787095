# Docker's published port (-p 8543:8888): DNAT in PREROUTING to the backend, FORWARD accepts it, the reply is un-DNATed
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
ip netns exec s nc -l -k 8888 &
ip netns exec r iptables -t nat -N DOCKER
ip netns exec r iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip netns exec r iptables -t nat -A DOCKER ! -i rs -p tcp -m tcp --dport 8543 -j DNAT --to-destination 198.51.100.2:8888
ip netns exec r iptables -N DOCKER
ip netns exec r iptables -P FORWARD DROP
ip netns exec r iptables -A FORWARD -o rs -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec r iptables -A FORWARD -o rs -j DOCKER
ip netns exec r iptables -A FORWARD -i rs ! -o rs -j ACCEPT
ip netns exec r iptables -A DOCKER -d 198.51.100.2/32 ! -i rs -o rs -p tcp -m tcp --dport 8888 -j ACCEPT
ip netns exec c nc -z -w 1 10.0.1.1 8543
ip netns exec c nc -z -w 1 10.0.1.1 8544
ip netns exec r conntrack -L -p tcp --dport 8543
ip netns exec r iptables -t nat -L -n -v -x
ip netns exec r iptables -L -n -v -x
