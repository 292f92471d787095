# A container reaching itself through the host's published port: with bridge-nf-call-iptables=1 the DNAT happens in the bridge path and needs hairpin on the port; with it off the host routes the packet back
ip netns add h
ip netns add c
ip -n h link add br0 type bridge
ip -n h link add vpc1 type veth peer name eth0 netns c
ip -n h link set vpc1 master br0
ip -n h addr add 10.20.0.1/24 dev br0
ip -n c addr add 10.20.0.2/24 dev eth0
ip -n h link set br0 up
ip -n h link set vpc1 up
ip -n c link set eth0 up
ip -n c route add default via 10.20.0.1
ip netns exec h sysctl -w net.ipv4.ip_forward=1
ip netns exec h iptables -t nat -A PREROUTING -d 10.20.0.1 -p tcp --dport 8080 -j DNAT --to-destination 10.20.0.2:80
ip netns exec h iptables -t nat -A POSTROUTING -s 10.20.0.2 -d 10.20.0.2 -p tcp --dport 80 -j MASQUERADE
ip netns exec c nc -l -k 80 &
ip netns exec c nc -z -w 2 10.20.0.1 8080
ip -n h link set vpc1 type bridge_slave hairpin on
ip netns exec c nc -z -w 1 10.20.0.1 8080
ip netns exec h conntrack -L -p tcp
ip netns exec h sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec c nc -z -w 1 10.20.0.1 8080
ip -n h link set vpc1 type bridge_slave hairpin off
ip netns exec c nc -z -w 1 10.20.0.1 8080
ip netns exec h iptables -t nat -L -n -v -x
