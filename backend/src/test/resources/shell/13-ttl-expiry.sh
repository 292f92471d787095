# TTL expiry: `ping -t 1` across a forwarding router gets "Time to live exceeded" from the
# router's ingress address; `-t 2` reaches the server and the reply arrives with ttl=63.
ip netns add client
ip netns add router
ip netns add server
ip link add eth0 netns client type veth peer name r-c netns router
ip link add eth0 netns server type veth peer name r-s netns router
ip netns exec client ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec router ip link set dev r-c address 02:00:00:00:01:01
ip netns exec router ip link set dev r-s address 02:00:00:00:02:01
ip netns exec server ip link set dev eth0 address 02:00:00:00:02:02
ip netns exec client ip addr add 192.168.1.2/24 dev eth0
ip netns exec router ip addr add 192.168.1.1/24 dev r-c
ip netns exec router ip addr add 192.168.2.1/24 dev r-s
ip netns exec server ip addr add 192.168.2.2/24 dev eth0
ip netns exec client ip link set eth0 up
ip netns exec router ip link set r-c up
ip netns exec router ip link set r-s up
ip netns exec server ip link set eth0 up
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec client ip route add default via 192.168.1.1
ip netns exec server ip route add default via 192.168.2.1
ip netns exec client ping -c 1 -W 1 -t 1 192.168.2.2
ip netns exec client ping -c 1 -W 1 -t 2 192.168.2.2
ip netns exec client ping -c 1 -W 1 -t 1 192.168.1.1
ip netns exec client ping -c 2 -i 0.2 -W 1 -t 1 192.168.2.2
