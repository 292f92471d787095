# DNAT in OUTPUT: the router's own connection to a service address is rewritten and routed again
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
ip netns exec r iptables -t nat -A OUTPUT -d 172.30.0.1 -p tcp --dport 80 -j DNAT --to-destination 198.51.100.2:80
ip netns exec r nc -z -w 1 172.30.0.1 80
ip -n r route add 172.30.0.0/16 via 10.0.1.2
ip netns exec r nc -z -w 1 172.30.0.1 80
ip netns exec r conntrack -L -p tcp
ip netns exec r iptables -t nat -L OUTPUT -n -v -x
