# The hands-on sequence of the seed tutorial (netns + veth + bridge + bridge-nf-call-iptables),
# with `ip netns add` in place of the containerd PIDs, MACs pinned for comparable output.
ip netns list
ip netns add n1
ip netns list
ip link add veth-1 type veth peer name veth-2
ip link set dev veth-1 address 1e:8d:b2:73:eb:b9
ip link set dev veth-2 address 56:28:03:e9:d6:ad
ip a
ip link set veth-2 up netns n1
ip a
ip netns exec n1 ip a
ip link add veth-3 type veth peer name veth-1
ip link add br-0 type bridge
ip link set dev br-0 address ae:d6:21:1e:15:ca
ip a show br-0
brctl show
ip link add veth-3 type veth peer veth-4
ip link set dev veth-3 address 02:00:00:00:00:03
ip link set dev veth-4 address 02:00:00:00:00:04
brctl addif br-0 veth-1
brctl addif br-0 veth-3
brctl show
ip link set veth-1 up
ip link set br-0 up
ip addr add 172.16.100.1/24 dev br-0
ip netns exec n1 ip addr add 172.16.100.101/24 dev veth-2
ip netns exec n1 ip route add default dev veth-2
ip netns exec n1 ip link set lo up
ip netns exec n1 ip route
ip netns exec n1 ping -c 2 -i 0.2 172.16.100.1
ip netns add n2
ip link set veth-4 up netns n2
ip link set veth-3 up
ip netns exec n2 ip addr add 172.16.100.102/24 dev veth-4
ip netns exec n2 ip link set lo up
ip netns exec n2 ping -c 1 -W 1 172.16.100.101
ip netns exec n2 ping -c 1 -W 1 172.16.100.1
ip netns exec n2 arp -n
sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-arptables=0
sysctl -w net.bridge.bridge-nf-call-ip6tables=0
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec n2 ping -c 1 -W 1 172.16.100.101
ip netns list
brctl show
