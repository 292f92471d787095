# Flannel UDP: pods on two hosts, through flanneld
# Two hosts on one underlay switch (192.168.50.0/24), each with a cni0 bridge and two pods, and Packetwalk's simulated flanneld with flannel's UDP backend: it owns the TUN device flannel0 (MTU 1472, address SUBNET.0/16, so the whole pod network 10.244.0.0/16 is routed into it) and a UDP socket on port 8285.
# Ping 10.244.2.2 from host1's pod1: the kernel hands the packet to flannel0, flanneld reads it in user space and sends it whole as a UDP datagram to host2's flanneld, which writes it back into host2's flannel0: watch it leave the kernel and come back.
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
flanneld --backend=udp --iface=eth0 --network=10.244.0.0/16 --subnet=10.244.1.0/24 --peer=10.244.2.0/24=192.168.50.12
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
flanneld --backend=udp --iface=eth0 --network=10.244.0.0/16 --subnet=10.244.2.0/24 --peer=10.244.1.0/24=192.168.50.11
pw use host1
