# A published port: the SYN walks nat PREROUTING to its DNAT, then filter FORWARD's chains
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
ip -n s route add default via 198.51.100.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec s nc -l -k 8888 &
ip netns exec r iptables -t raw -A PREROUTING -p tcp --syn -j TRACE
ip netns exec r iptables -t nat -N DOCKER
ip netns exec r iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip netns exec r iptables -t nat -A DOCKER -p tcp --dport 8543 -j DNAT --to-destination 198.51.100.2:8888
ip netns exec r iptables -N DOCKER
ip netns exec r iptables -A FORWARD -o rs -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec r iptables -A FORWARD -o rs -j DOCKER
ip netns exec r iptables -A DOCKER -d 198.51.100.2/32 -p tcp --dport 8888 -j ACCEPT
ip netns exec r iptables -A FORWARD -i rs -j ACCEPT
ip netns exec r iptables -P FORWARD DROP
ip netns exec r nft monitor trace > /tmp/nft.trace &
ip netns exec c nc -z -w 1 10.0.1.1 8543 # probe
sleep 1
cat /tmp/nft.trace
