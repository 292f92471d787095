# SNAT to a fixed address versus MASQUERADE: the same translation, both reversed for replies
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
ip -n r addr add 198.51.100.9/24 dev rs
ip netns exec r iptables -t nat -A POSTROUTING -s 10.0.1.0/24 -o rs -j SNAT --to-source 198.51.100.9
ip netns exec c ping -c 1 -W 1 198.51.100.2
ip netns exec r conntrack -L
ip netns exec r iptables -t nat -R POSTROUTING 1 -s 10.0.1.0/24 -o rs -j MASQUERADE
ip netns exec c ping -c 1 -W 1 198.51.100.2
ip netns exec r conntrack -L
ip netns exec r iptables -t nat -S
ip netns exec r iptables -t nat -L POSTROUTING -n -v -x
ip netns exec c ping -c 1 -W 1 198.51.100.2
ip -n r addr del 198.51.100.9/24 dev rs
ip netns exec r conntrack -L
ip netns exec r iptables -t nat -I POSTROUTING -s 10.0.1.0/24 -o rs -j SNAT --to-source 198.51.100.1
ip netns exec s ping -c 1 -W 1 198.51.100.1
ip netns exec c ping -c 1 -i 0.2 -W 1 198.51.100.2
ip netns exec r conntrack -L
ip -n r link set rs down
ip netns exec r conntrack -L
