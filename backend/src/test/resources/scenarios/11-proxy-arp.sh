# Proxy ARP: a client with a dev-only default route ARPs for a host behind the router; once
# the router's client-side interface has proxy_arp=1 it answers with its own MAC.
ip netns add c
ip netns add r
ip netns add s
ip link add eth0 netns c type veth peer name rc netns r
ip link add eth0 netns s type veth peer name rs netns r
ip netns exec c ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec r ip link set dev rc address 02:00:00:00:01:01
ip netns exec r ip link set dev rs address 02:00:00:00:02:01
ip netns exec s ip link set dev eth0 address 02:00:00:00:02:02
ip netns exec c ip addr add 10.0.1.2/24 dev eth0
ip netns exec r ip addr add 10.0.1.1/24 dev rc
ip netns exec r ip addr add 10.0.2.1/24 dev rs
ip netns exec s ip addr add 10.0.2.2/24 dev eth0
ip netns exec c ip link set eth0 up
ip netns exec r ip link set rc up
ip netns exec r ip link set rs up
ip netns exec s ip link set eth0 up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec s ip route add default via 10.0.2.1
ip netns exec c ip route add default dev eth0
ip netns exec r sysctl -w net.ipv4.conf.rc.proxy_arp=1
ip netns exec r sysctl net.ipv4.conf.rs.proxy_arp
ip netns exec c ping -c 2 -i 0.2 -W 2 10.0.2.2
ip netns exec c ip neigh show 10.0.2.2
ip netns exec c ping -c 1 -W 2 10.0.2.1
ip netns exec c ip neigh show 10.0.2.1
ip netns exec r ip neigh show dev rs
