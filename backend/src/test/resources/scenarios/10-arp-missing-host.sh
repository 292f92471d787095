# ARP for an address nobody owns: three broadcast requests one second apart, then the entry
# is FAILED and the local sender gets "Destination Host Unreachable" (lo must be up).
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec a ip addr add 192.168.50.1/24 dev eth0
ip netns exec b ip addr add 192.168.50.2/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec b ip link set eth0 up
ip netns exec a ping -c 1 -W 4 192.168.50.99
ip netns exec a ip neigh
ip netns exec a ip link set lo up
ip netns exec a ping -c 1 -W 4 192.168.50.77
ip netns exec a ip neigh show 192.168.50.77
ip netns exec a ip neigh show nud failed
ip netns exec a arp -n
ip netns exec a ping -c 1 -W 1 192.168.50.2
ip netns exec a ip neigh show dev eth0
