# The wrapped packets are ordinary UDP to the underlay's netfilter: OUTPUT and POSTROUTING see
# them leave, INPUT sees them arrive (port 4789), and an INPUT rule dropping the port cuts the
# tunnel. The pod traffic inside is not seen by the underlay's rules.
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.2 dev u1
ip -n h2 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.1 dev u2
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h1 addr add 10.10.0.1/24 dev vx0
ip -n h2 addr add 10.10.0.2/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip netns exec h1 iptables -A OUTPUT -p udp --dport 4789
ip netns exec h1 iptables -A OUTPUT -p icmp
ip netns exec h1 iptables -t nat -A POSTROUTING -p udp --dport 4789
ip netns exec h2 iptables -A INPUT -p udp --dport 4789
ip netns exec h2 iptables -A INPUT -p icmp
ip netns exec h1 ping -c 2 -W 1 10.10.0.2
ip netns exec h1 iptables -L OUTPUT -n -v -x
ip netns exec h1 iptables -t nat -L POSTROUTING -n -v -x
ip netns exec h2 iptables -L INPUT -n -v -x
ip netns exec h2 iptables -I INPUT -p udp --dport 4789 -j DROP
ip netns exec h1 ping -c 1 -W 1 10.10.0.2
ip netns exec h2 iptables -L INPUT -n -v -x
ip netns exec h2 conntrack -L -p udp
