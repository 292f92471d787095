# tcpdump while a background ping runs: the capture format (compared by exit status only,
# since which packets land in the capture window depends on timing; see REFERENCE.md).
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec b sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec a ip addr add 10.33.0.1/24 dev eth0
ip netns exec b ip addr add 10.33.0.2/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec b ip link set eth0 up
ip netns exec a ping -c 20 -i 0.2 10.33.0.2 &
ip netns exec b tcpdump -c 2 -n -i eth0 icmp
ip netns exec b tcpdump -c 2 -n -e -t -i eth0 icmp
ip netns exec b tcpdump -i nosuchdev -c 1
