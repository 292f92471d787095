# Marks: MARK in mangle, -m mark in filter, CONNMARK save and restore, and iptables-save's --set-xmark spelling
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
ip netns exec r iptables -t mangle -A PREROUTING -i rc -j MARK --or-mark 0x4000
ip netns exec r iptables -t mangle -A PREROUTING -i rs -j CONNMARK --restore-mark
ip netns exec r iptables -t mangle -A FORWARD -m mark --mark 0x4000/0x4000 -j CONNMARK --save-mark
ip netns exec r iptables -A FORWARD -m mark --mark 0x4000/0x4000 -j ACCEPT
ip netns exec r iptables -A FORWARD -m connmark --mark 0x4000 -j ACCEPT
ip netns exec r iptables -A FORWARD -m mark ! --mark 0x0 -j ACCEPT
ip netns exec r iptables -P FORWARD DROP
ip netns exec c ping -c 2 -i 0.2 -W 1 198.51.100.2
ip netns exec r iptables -L FORWARD -n -v -x
ip netns exec r iptables -t mangle -L -n -v -x
ip netns exec r iptables -t mangle -A POSTROUTING -j MARK --xor-mark 0x1
ip netns exec r iptables -t mangle -A POSTROUTING -j MARK --and-mark 0xff
ip netns exec r iptables -t mangle -A POSTROUTING -j MARK --set-mark 0x2
ip netns exec r iptables-save -t mangle
ip netns exec r conntrack -L
