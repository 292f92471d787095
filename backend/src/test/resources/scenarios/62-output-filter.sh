# Filtering a namespace's own traffic in OUTPUT: DROP and REJECT of ping and TCP (the locally made ICMP error meets the same rule)
ip netns add a
ip netns add b
ip -n a link add e0 type veth peer name e0 netns b
ip -n a addr add 10.9.0.1/24 dev e0
ip -n b addr add 10.9.0.2/24 dev e0
ip -n a link set e0 up
ip -n b link set e0 up
ip netns exec b nc -l -k 80 &
ip netns exec a iptables -A OUTPUT -p icmp -j DROP
ip netns exec a ping -c 2 -i 0.2 -W 1 10.9.0.2
ip netns exec a iptables -A OUTPUT -p tcp --dport 80 -j DROP
ip netns exec a nc -z -w 2 10.9.0.2 80
ip netns exec a iptables -A OUTPUT -p tcp --dport 81 -j REJECT
ip netns exec a nc -z -w 2 10.9.0.2 81
ip netns exec a iptables -R OUTPUT 1 -p icmp -j REJECT
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip netns exec a iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -j REJECT
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip netns exec a iptables -D OUTPUT 2
ip netns exec a iptables -I OUTPUT -p tcp --dport 80 -j REJECT --reject-with tcp-reset
ip netns exec a nc -z -w 2 10.9.0.2 80
ip netns exec a iptables -L OUTPUT -n -v -x
