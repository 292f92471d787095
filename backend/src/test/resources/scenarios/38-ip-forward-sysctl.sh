# net.ipv4.ip_forward and conf.all.forwarding are one switch: a write that changes it sets conf.all,
# conf.default and every interface's forwarding (a write of the same value changes nothing);
# conf.default.forwarding only reaches devices created later; forwarding follows the ingress
# interface's own value, whatever ip_forward says.
ip netns add h1
ip netns add r
ip netns add h2
ip link add a1 type veth peer name eth0 netns h1
ip link set a1 netns r
ip link add a2 type veth peer name eth0 netns h2
ip link set a2 netns r
ip netns exec h1 ip addr add 10.1.0.2/24 dev eth0
ip netns exec h2 ip addr add 10.2.0.2/24 dev eth0
ip netns exec r ip addr add 10.1.0.1/24 dev a1
ip netns exec r ip addr add 10.2.0.1/24 dev a2
ip netns exec h1 ip link set eth0 up
ip netns exec h2 ip link set eth0 up
ip netns exec r ip link set a1 up
ip netns exec r ip link set a2 up
ip netns exec h1 ip route add default via 10.1.0.1
ip netns exec h2 ip route add default via 10.2.0.1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a2.forwarding
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a2.forwarding
ip netns exec h1 ping -c 1 -W 1 10.2.0.2
ip netns exec r sysctl -w net.ipv4.conf.a1.forwarding=0
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a2.forwarding
ip netns exec h1 ping -c 1 -W 1 10.2.0.2
ip netns exec h2 ping -c 1 -W 1 10.1.0.2
ip netns exec r sysctl net.ipv4.ip_forward=1
ip netns exec r sysctl net.ipv4.conf.a1.forwarding
ip netns exec r sysctl -w net.ipv4.conf.a2.forwarding=0
ip netns exec r sysctl -w net.ipv4.ip_forward=0
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a2.forwarding
ip netns exec r sysctl -w net.ipv4.conf.a1.forwarding=1
ip netns exec r sysctl -w net.ipv4.conf.a2.forwarding=1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding
ip netns exec h1 ping -c 1 -W 1 10.2.0.2
ip netns exec r sysctl -w net.ipv4.conf.default.forwarding=1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.a1.forwarding
ip netns exec r ip link add a3 type veth peer name a4
ip netns exec r sysctl net.ipv4.conf.a3.forwarding net.ipv4.conf.a4.forwarding
ip netns exec r sysctl -w net.ipv4.conf.all.forwarding=1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a3.forwarding
ip netns exec r sysctl -w net.ipv4.conf.all.forwarding=0
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.default.forwarding net.ipv4.conf.a1.forwarding net.ipv4.conf.a4.forwarding
ip netns exec r sysctl -w net.ipv4.conf.default.forwarding=1
ip netns exec r ip link add a5 type veth peer name a6
ip netns exec r sysctl net.ipv4.conf.a5.forwarding net.ipv4.conf.a1.forwarding net.ipv4.ip_forward
ip netns exec r sysctl -w net.ipv4.conf.lo.forwarding=1
ip netns exec r sysctl -w net.ipv4.ip_forward=2
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.a1.forwarding
ip netns exec r sysctl -w net.ipv4.conf.default.forwarding=0
ip netns exec r ip link add a7 type veth peer name a8
ip netns exec r sysctl -w net.ipv4.conf.default.forwarding=1
ip netns exec r sysctl net.ipv4.conf.a7.forwarding net.ipv4.conf.a8.forwarding net.ipv4.conf.a5.forwarding net.ipv4.conf.default.forwarding
ip netns exec r sysctl -w net.ipv4.conf.all.forwarding=2
ip netns exec r sysctl net.ipv4.conf.a5.forwarding net.ipv4.conf.default.forwarding
ip netns exec r sysctl -w net.ipv4.ip_forward=-1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.a1.forwarding
ip netns exec r sysctl -w net.ipv4.ip_forward=0
