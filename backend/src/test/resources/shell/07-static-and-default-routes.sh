# Static routes, "default via", longest-prefix match and metrics, and how `ip route`
# lists them: by address, longer prefix first for the same address, then by metric.
ip link add eth0 type veth peer name peer0
ip link add eth1 type veth peer name peer1
ip link set dev eth0 address 02:00:00:00:00:01
ip link set dev eth1 address 02:00:00:00:00:02
ip link set eth0 up
ip link set eth1 up
ip link set peer0 up
ip link set peer1 up
ip addr add 10.1.0.2/24 dev eth0
ip addr add 10.2.0.2/24 dev eth1
ip route add default via 10.1.0.1
ip route add 10.50.0.0/16 via 10.2.0.1
ip route add 10.50.7.0/24 via 10.1.0.1
ip route add 10.60.0.0/16 via 10.2.0.1 metric 50
ip route add 10.60.0.0/16 via 10.1.0.1 metric 100
ip route add 10.70.0.0/16 via 10.2.0.1 proto static
ip route add 192.168.9.0/24 dev eth1
ip route add 192.168.10.0/24 dev eth1 src 10.2.0.2
ip route
ip route show 10.60.0.0/16
ip route get 10.50.1.1
ip route get 10.50.7.1
ip route get 10.60.1.1
ip route get 198.51.100.1
ip route get 192.168.9.9
ip route get 10.2.0.2
ip route list match 10.50.7.9
ip route show dev eth1
ip route show proto static
ip route del 10.60.0.0/16 via 10.2.0.1
ip route get 10.60.1.1
ip route del default
ip route get 198.51.100.1
ip route
ip route add 10.0.0.0/8 via 10.1.0.1
ip route add 10.0.0.0/24 via 10.1.0.1
ip route add 10.0.0.0/16 via 10.1.0.1
ip route add 10.0.0.128/25 via 10.1.0.1
ip route add 0.0.0.0/1 via 10.1.0.1
ip route
route -n
