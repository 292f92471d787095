# Interfaces down: the admin-down end loses its routes; the other end shows NO-CARRIER and
# LOWERLAYERDOWN, its connected route is kept but marked linkdown; pings fail until both are up.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec a ip addr add 10.3.0.1/24 dev eth0
ip netns exec b ip addr add 10.3.0.2/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec a ip route
ip netns exec a ip route add 10.33.0.0/16 via 10.3.0.2
ip netns exec a ip addr show eth0
ip netns exec b ip link set eth0 up
ip netns exec a ip route add 10.33.0.0/16 via 10.3.0.2
ip netns exec a ip route
ip netns exec a ping -c 1 -W 1 10.3.0.2
ip netns exec b ip link set eth0 down
ip netns exec a ip link show eth0
ip netns exec b ip link show eth0
ip netns exec a ip route
ip netns exec b ip route
ip netns exec a ip route get 10.3.0.2
ip netns exec a ping -c 1 -W 1 10.3.0.2
ip netns exec b ping -c 1 -W 1 10.3.0.1
ip netns exec a ip -br link
ip netns exec a ip -br addr
ip netns exec b ip link set eth0 up
ip netns exec a ip route
ip netns exec b ip route
ip netns exec b ping -c 1 -W 1 10.3.0.1
ip netns exec a ip link set eth0 down
ip netns exec a ip addr show eth0
ip netns exec a ip route
