# br_netfilter: with bridge-nf-call-iptables=1 bridged IPv4 walks FORWARD (-i/-o see the bridge, physdev the ports), so FORWARD's DROP policy cuts two containers on one bridge apart; the classic fixes mend it
ip netns add host
ip netns add a
ip netns add b
ip -n host link add br0 type bridge
ip -n host link add vpa type veth peer name eth0 netns a
ip -n host link add vpb type veth peer name eth0 netns b
ip -n host link set vpa master br0
ip -n host link set vpb master br0
ip -n host addr add 10.10.0.1/24 dev br0
ip -n a addr add 10.10.0.2/24 dev eth0
ip -n b addr add 10.10.0.3/24 dev eth0
ip -n host link set br0 up
ip -n host link set vpa up
ip -n host link set vpb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec host sysctl net.bridge.bridge-nf-call-iptables
ip netns exec a ping -c 1 -W 1 10.10.0.3
ip netns exec host iptables -P FORWARD DROP
ip netns exec a ping -c 1 -W 1 10.10.0.3
ip netns exec a ping -c 1 -W 1 10.10.0.1
ip netns exec host iptables -L FORWARD -n -v -x
ip netns exec host sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec a ping -c 1 -W 1 10.10.0.3
ip netns exec host sysctl -w net.bridge.bridge-nf-call-iptables=1
ip netns exec host iptables -A FORWARD -m physdev --physdev-is-bridged -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.10.0.3
ip netns exec host iptables -I FORWARD -i br0 -o br0 -p icmp --icmp-type echo-request -j LOG --log-prefix "bridged: "
ip netns exec host iptables -I FORWARD -m physdev --physdev-in vpb --physdev-out vpa -j ACCEPT
ip netns exec b ping -c 1 -W 1 10.10.0.2
ip netns exec host iptables -L FORWARD -n -v -x
ip netns exec host iptables -t nat -A POSTROUTING -j RETURN
ip netns exec host conntrack -L
ip netns exec a ping -c 1 -W 1 10.10.0.3
ip netns exec host conntrack -L
