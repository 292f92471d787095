# Two macvlans in bridge mode on one parent (eth0 of netns "host", a veth to netns "ext"), each
# moved into its own namespace: they reach each other (switched inside the kernel) and the outside
# host, but neither reaches the parent's own address and the parent cannot reach them: frames a
# macvlan sends leave by the wire, and what the parent sends never reaches its macvlans.
ip netns add host
ip netns add ext
ip netns add a
ip netns add b
ip -n host link add eth0 type veth peer name eth0 netns ext
ip -n host link set dev eth0 address 02:00:00:00:81:01
ip -n ext link set dev eth0 address 02:00:00:00:81:fe
ip -n host link add mv1 link eth0 type macvlan mode bridge
ip -n host link add mv2 link eth0 type macvlan mode bridge
ip -n host link set dev mv1 address 02:00:00:00:81:11
ip -n host link set dev mv2 address 02:00:00:00:81:12
ip -n host link set mv1 netns a
ip -n host link set mv2 netns b
ip -n a link show
ip -n a -d link show mv1
ip -n a -j link show mv1
ip -n host -d link show eth0
ip -n host addr add 10.80.0.1/24 dev eth0
ip -n ext addr add 10.80.0.254/24 dev eth0
ip -n a addr add 10.80.0.11/24 dev mv1
ip -n b addr add 10.80.0.12/24 dev mv2
ip -n host link set eth0 up
ip -n ext link set eth0 up
ip -n a link set mv1 up
ip -n b link set mv2 up
ip -n host -d link show eth0
ip -n a link show mv1
ip netns exec a ping -c 1 -W 1 10.80.0.12
ip netns exec a ping -c 1 -W 1 10.80.0.254
ip netns exec b ping -c 1 -W 1 10.80.0.254
ip netns exec a ping -c 1 -W 1 10.80.0.1
ip netns exec host ping -c 1 -W 1 10.80.0.11
ip -n a neigh show
ip -n b neigh show
ip -n host neigh show
ip -n ext neigh show
ip -n a route get 10.80.0.1
