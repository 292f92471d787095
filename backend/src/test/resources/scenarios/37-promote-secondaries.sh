# promote_secondaries: deleting a primary address deletes every secondary of its subnet, unless
# net.ipv4.conf.{all,IFACE}.promote_secondaries is set, then the next secondary becomes primary;
# ip addr and the local/main routes afterwards; default/all/per-interface sysctl values.
ip netns add n
ip netns exec n sysctl net.ipv4.conf.all.promote_secondaries net.ipv4.conf.default.promote_secondaries
ip netns exec n ip link add d0 type veth peer name d1
ip netns exec n sysctl net.ipv4.conf.d0.promote_secondaries
ip netns exec n ip link set d0 up
ip netns exec n ip link set d1 up
ip netns exec n ip addr add 10.1.0.1/24 dev d0
ip netns exec n ip addr add 10.1.0.2/24 dev d0
ip netns exec n ip addr add 10.1.0.3/24 dev d0
ip netns exec n ip addr add 10.2.0.1/16 dev d0
ip netns exec n ip route add 10.9.0.0/16 via 10.1.0.254 src 10.1.0.2
ip netns exec n ip -4 addr show dev d0
ip netns exec n ip route show table local
ip netns exec n ip route
ip netns exec n ip addr del 10.1.0.1/24 dev d0
ip netns exec n ip -4 addr show dev d0
ip netns exec n ip route show table local
ip netns exec n ip route
ip netns exec n sysctl -w net.ipv4.conf.d0.promote_secondaries=1
ip netns exec n ip addr add 10.1.0.1/24 dev d0
ip netns exec n ip addr add 10.1.0.2/24 dev d0
ip netns exec n ip addr add 10.1.0.3/24 dev d0
ip netns exec n ip route add 10.9.0.0/16 via 10.1.0.254 src 10.1.0.3
ip netns exec n ip route add 10.8.0.0/16 via 10.1.0.254 src 10.1.0.1
ip netns exec n ip addr del 10.1.0.1/24 dev d0
ip netns exec n ip -4 addr show dev d0
ip netns exec n ip route show table local
ip netns exec n ip route
ip netns exec n ip addr del 10.1.0.2/24 dev d0
ip netns exec n ip -4 addr show dev d0
ip netns exec n ip route
ip netns exec n sysctl -w net.ipv4.conf.d0.promote_secondaries=0
ip netns exec n sysctl -w net.ipv4.conf.all.promote_secondaries=1
ip netns exec n sysctl net.ipv4.conf.d0.promote_secondaries net.ipv4.conf.d1.promote_secondaries net.ipv4.conf.default.promote_secondaries
ip netns exec n ip addr add 10.3.0.1/24 dev d1
ip netns exec n ip addr add 10.3.0.2/24 dev d1
ip netns exec n ip addr del 10.3.0.1/24 dev d1
ip netns exec n ip -4 addr show dev d1
ip netns exec n sysctl -w net.ipv4.conf.all.promote_secondaries=0
ip netns exec n sysctl -w net.ipv4.conf.default.promote_secondaries=1
ip netns exec n ip link add d2 type veth peer name d3
ip netns exec n sysctl net.ipv4.conf.d2.promote_secondaries net.ipv4.conf.d1.promote_secondaries
ip netns exec n ip addr add 10.4.0.1/24 dev d2
ip netns exec n ip addr add 10.4.0.2/24 dev d2
ip netns exec n ip addr del 10.4.0.1/24 dev d2
ip netns exec n ip -4 addr show dev d2
ip netns exec n ip addr add 10.3.0.3/24 dev d1
ip netns exec n ip addr del 10.3.0.2/24 dev d1
ip netns exec n ip -4 addr show dev d1
ip netns exec n ip route show table local
