# Bridged ping with br_netfilter: FORWARD sees the bridge both ways, physdev the ports
ip netns add h
ip netns add a
ip netns add b
ip -n h link add br0 type bridge
ip -n h link add vpa type veth peer name eth0 netns a
ip -n h link add vpb type veth peer name eth0 netns b
ip -n h link set vpa master br0
ip -n h link set vpb master br0
ip -n a addr add 10.10.0.2/24 dev eth0
ip -n b addr add 10.10.0.3/24 dev eth0
ip -n h link set br0 up
ip -n h link set vpa up
ip -n h link set vpb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec h iptables -t raw -A PREROUTING -p icmp -j TRACE
ip netns exec h iptables -A FORWARD -i br0 -o br0 -m physdev --physdev-in vpb -j ACCEPT
ip netns exec h iptables -A FORWARD -m physdev --physdev-is-bridged -p icmp --icmp-type echo-request -j ACCEPT
ip netns exec h iptables -P FORWARD DROP
ip netns exec h nft monitor trace > /tmp/nft.trace &
ip netns exec a ping -c 1 -W 1 10.10.0.3 # probe
sleep 1
cat /tmp/nft.trace
