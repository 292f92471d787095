# Flannel host-gw: pods on two hosts, routed
# Two hosts on one underlay switch (192.168.50.0/24). Each has a cni0 bridge with two pods; flannel's host-gw backend adds no device at all, only a route on each host to the other host's pod subnet via that host's underlay address (so the hosts must share a layer-2 network).
# Ping 10.244.2.2 from host1's pod1: host1 routes the packet straight to host2's eth0, unwrapped and with its full MTU, and host2 routes it into cni0.
# probe host1/pod1 ping 10.244.2.2
pw switch add underlay
pw host add host2
pw nic add host1 eth0 switch underlay address 02:00:00:00:01:01
pw nic add host2 eth0 switch underlay address 02:00:00:00:02:01
pw use host1
ip addr add 192.168.50.11/24 dev eth0
ip link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
ip link add cni0 type bridge
ip link set cni0 address 02:00:00:00:01:10
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip netns add pod1
ip link add veth-pod1 type veth peer name eth0 netns pod1
ip link set veth-pod1 address 02:00:00:00:01:11
ip -n pod1 link set eth0 address 02:00:00:00:01:12
ip link set veth-pod1 master cni0
ip link set veth-pod1 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip netns add pod2
ip link add veth-pod2 type veth peer name eth0 netns pod2
ip link set veth-pod2 address 02:00:00:00:01:21
ip -n pod2 link set eth0 address 02:00:00:00:01:22
ip link set veth-pod2 master cni0
ip link set veth-pod2 up
ip -n pod2 addr add 10.244.1.3/24 dev eth0
ip -n pod2 link set eth0 up
ip -n pod2 route add default via 10.244.1.1
ip route add 10.244.2.0/24 via 192.168.50.12 dev eth0
pw use host2
ip addr add 192.168.50.12/24 dev eth0
ip link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
ip link add cni0 type bridge
ip link set cni0 address 02:00:00:00:02:10
ip addr add 10.244.2.1/24 dev cni0
ip link set cni0 up
ip netns add pod1
ip link add veth-pod1 type veth peer name eth0 netns pod1
ip link set veth-pod1 address 02:00:00:00:02:11
ip -n pod1 link set eth0 address 02:00:00:00:02:12
ip link set veth-pod1 master cni0
ip link set veth-pod1 up
ip -n pod1 addr add 10.244.2.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.2.1
ip netns add pod2
ip link add veth-pod2 type veth peer name eth0 netns pod2
ip link set veth-pod2 address 02:00:00:00:02:21
ip -n pod2 link set eth0 address 02:00:00:00:02:22
ip link set veth-pod2 master cni0
ip link set veth-pod2 up
ip -n pod2 addr add 10.244.2.3/24 dev eth0
ip -n pod2 link set eth0 up
ip -n pod2 route add default via 10.244.2.1
ip route add 10.244.1.0/24 via 192.168.50.11 dev eth0
pw use host1
