# A static FDB entry over a learned one: `bridge fdb add … master static` for a MAC the bridge
# already learned (EEXIST), `replace` (changes the entry in place: it keeps its place in the list),
# a static entry on the wrong port (frames to it are dropped; learning moves it, still static),
# what `bridge fdb show` says afterwards, and `del` twice.
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -w net.ipv6.conf.all.disable_ipv6=1
sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip link add sw type bridge
ip link set dev sw address 02:00:00:00:00:fe
ip link add p1 type veth peer name eth0 netns n1
ip link add p2 type veth peer name eth0 netns n2
ip link set dev p1 address 02:00:00:00:01:01
ip link set dev p2 address 02:00:00:00:02:01
ip netns exec n1 ip link set dev eth0 address 02:00:00:00:01:02
ip netns exec n2 ip link set dev eth0 address 02:00:00:00:02:02
ip link set p1 master sw
ip link set p2 master sw
ip link set sw up
ip link set p1 up
ip link set p2 up
ip netns exec n1 ip addr add 192.168.5.1/24 dev eth0
ip netns exec n2 ip addr add 192.168.5.2/24 dev eth0
ip netns exec n1 ip link set eth0 up
ip netns exec n2 ip link set eth0 up
ip netns exec n1 ping -c 1 -W 1 192.168.5.2
bridge fdb show br sw
bridge fdb add 02:00:00:00:01:02 dev p1 master static
bridge fdb show br sw
bridge fdb add 02:00:00:00:02:02 dev p1 master static
bridge fdb replace 02:00:00:00:02:02 dev p1 master static
bridge fdb show br sw
ip netns exec n1 ping -c 1 -W 1 192.168.5.2
ip netns exec n2 ping -c 1 -W 1 192.168.5.1
bridge fdb show br sw
bridge fdb replace 02:00:00:00:02:02 dev p2 master static
bridge fdb show br sw
bridge fdb add 02:00:00:00:02:02 dev p2 master static
bridge fdb del 02:00:00:00:01:02 dev p1 master
bridge fdb del 02:00:00:00:01:02 dev p1 master
bridge fdb del 02:00:00:00:02:02 dev p1 master
bridge fdb del 02:00:00:00:02:02 dev p2 master static
bridge fdb del 02:00:00:00:02:02 dev p2 master
bridge fdb show br sw
ip netns exec n1 ping -c 1 -W 1 192.168.5.2
bridge fdb show br sw
bridge fdb replace 02:00:00:00:01:02 dev p2 master
bridge fdb show br sw
bridge fdb del 02:00:00:00:01:02 dev sw master
bridge fdb del 02:00:00:00:01:02 dev p2
bridge fdb show br sw
