# private and vepa modes: a macvlan's frames always leave through the parent. With a plain veth
# peer outside, nothing comes back, so siblings cannot meet in either mode while the outside host
# is reached. With a bridge outside whose port hairpins (an 802.1Qbg "reflective relay"), vepa
# siblings meet through it; private siblings still do not: a broadcast one of them sent comes back
# only to itself, so ARP never resolves. (b's neighbours are flushed before a's: a unicast ARP probe
# b still had pending would otherwise reach a through the hairpin and teach it b's MAC.)
ip netns add host
ip netns add sw
ip netns add a
ip netns add b
ip -n host link add eth0 type veth peer name p0 netns sw
ip -n sw link add br0 type bridge
ip -n sw link set p0 master br0
ip -n host link set dev eth0 address 02:00:00:00:82:01
ip -n sw link set dev br0 address 02:00:00:00:82:fe
ip -n host link add mv1 link eth0 type macvlan mode private
ip -n host link add mv2 link eth0 type macvlan mode private
ip -n host link set dev mv1 address 02:00:00:00:82:11
ip -n host link set dev mv2 address 02:00:00:00:82:12
ip -n host link set mv1 netns a
ip -n host link set mv2 netns b
ip -n sw addr add 10.82.0.254/24 dev br0
ip -n a addr add 10.82.0.11/24 dev mv1
ip -n b addr add 10.82.0.12/24 dev mv2
ip -n host link set eth0 up
ip -n sw link set p0 up
ip -n sw link set br0 up
ip -n a link set mv1 up
ip -n b link set mv2 up
ip netns exec a ping -c 1 -W 1 10.82.0.254
ip netns exec a ping -c 1 -W 1 10.82.0.12
ip -n a neigh show
ip -n a link set mv1 type macvlan mode vepa
ip -n b link set mv2 type macvlan mode vepa
ip -n a -d link show mv1
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.82.0.12
ip -n sw link set p0 type bridge_slave hairpin on
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.82.0.12
ip -n a neigh show
ip -n b neigh show
ip -n a link set mv1 type macvlan mode private
ip -n b link set mv2 type macvlan mode private
ip -n b neigh flush all
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.82.0.12
ip -n a neigh show
ip netns exec a ping -c 1 -W 1 10.82.0.254
