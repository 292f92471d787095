# A ping right after the peer's link flaps (down, up): carrier loss flushes the neighbour table,
# the carrier is back at once and the first ping resolves again and gets through. A ping while
# the peer is down leaves an INCOMPLETE entry that turns FAILED after 3 probes (the sleep makes
# that deterministic); the next ping after the peer is up retries it and gets through. With
# arp_evict_nocarrier=0 the entry survives the carrier loss.
ip netns add n1
ip netns add n2
ip link add eth0 netns n1 type veth peer name eth0 netns n2
ip netns exec n1 ip link set dev eth0 address 02:00:00:00:05:01
ip netns exec n2 ip link set dev eth0 address 02:00:00:00:05:02
ip netns exec n1 ip addr add 10.5.0.1/24 dev eth0
ip netns exec n2 ip addr add 10.5.0.2/24 dev eth0
ip netns exec n1 ip link set eth0 up
ip netns exec n2 ip link set eth0 up
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
ip netns exec n2 ip link set eth0 down
ip netns exec n1 ip -br link
ip netns exec n1 ip neigh
ip netns exec n1 ip route
ip netns exec n2 ip link set eth0 up
ip netns exec n1 ip -br link
ip netns exec n1 ip route
ip netns exec n1 ip neigh
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
ip netns exec n2 ip neigh
ip netns exec n2 ip link set eth0 down
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
sleep 3
ip netns exec n1 ip neigh
ip netns exec n2 ip link set eth0 up
ip netns exec n1 ip neigh
ip netns exec n2 ip neigh
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
ip netns exec n2 ip neigh
ip netns exec n1 ip link set eth0 down
ip netns exec n1 ip link set eth0 up
ip netns exec n1 ip neigh
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
ip netns exec n1 sysctl net.ipv4.conf.all.arp_evict_nocarrier net.ipv4.conf.eth0.arp_evict_nocarrier
ip netns exec n1 sysctl -w net.ipv4.conf.eth0.arp_evict_nocarrier=0
ip netns exec n2 ip link set eth0 down
ip netns exec n1 ip neigh
ip netns exec n2 ip link set eth0 up
ip netns exec n1 ip neigh
ip netns exec n1 ping -c 1 -W 1 10.5.0.2
ip netns exec n1 ip neigh
