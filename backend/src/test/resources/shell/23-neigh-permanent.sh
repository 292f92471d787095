# Static neighbour entries: add/replace/change/del/flush with `nud permanent`, what each
# prints on errors, and that a permanent entry is used without any ARP.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:01
ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:01
ip netns exec a ip addr add 10.44.0.1/24 dev eth0
ip netns exec b ip addr add 10.44.0.2/24 dev eth0
ip netns exec a ip link set eth0 up
ip netns exec b ip link set eth0 up
ip netns exec a ip neigh add 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0 nud permanent
ip netns exec a ip neigh add 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0 nud permanent
ip netns exec a ip neigh add 10.44.0.3 lladdr 02:00:00:00:0b:03 dev eth0
ip netns exec a ip neigh add 10.44.0.4 lladdr 02:00:00:00:0b:04 dev eth0 nud reachable
ip netns exec a ip neigh add 10.44.0.5 lladdr 02:00:00:00:0b:05 dev eth0 nud stale
ip netns exec a ip neigh add 10.44.0.6 dev eth0 nud noarp
ip netns exec a ip neigh show
ip netns exec a ping -c 1 -W 1 10.44.0.2
ip netns exec a ip neigh show 10.44.0.2
ip netns exec b ip neigh
ip netns exec a ip neigh replace 10.44.0.2 lladdr 02:00:00:00:0b:99 dev eth0 nud permanent
ip netns exec a ip neigh show 10.44.0.2
ip netns exec a ping -c 1 -W 1 10.44.0.2
ip netns exec a ip neigh replace 10.44.0.2 lladdr 02:00:00:00:0b:01 dev eth0
ip netns exec a ip neigh show 10.44.0.2
ip netns exec a ip neigh change 10.44.0.7 lladdr 02:00:00:00:0b:07 dev eth0
ip netns exec a ip neigh del 10.44.0.3 dev eth0
ip netns exec a ip neigh del 10.44.0.3 dev eth0
ip netns exec a ip neigh del 10.44.0.9
ip netns exec a ip neigh add 10.44.0.8 lladdr 02:zz:00:00:0b:08 dev eth0
ip netns exec a ip neigh add 10.44.0.8 dev eth0
ip netns exec a ip neigh show nud permanent
ip netns exec a ip neigh flush dev eth0
ip netns exec a ip neigh show
ip netns exec a ip neigh flush all
ip netns exec a ip neigh show
