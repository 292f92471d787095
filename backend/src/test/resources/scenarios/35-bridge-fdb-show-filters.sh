# bridge fdb show filters: br, brport/dev, vlan, static, dynamic, self, master, state; the
# learned entry after a ping, entries added by hand, and what each filter keeps.
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
bridge fdb add 02:00:00:00:0a:01 dev p1 master static
bridge fdb add 02:00:00:00:0a:02 dev p2 master
bridge fdb add 02:00:00:00:0a:03 dev p2 self
bridge fdb show
bridge fdb show dynamic
bridge fdb show static
bridge fdb show self
bridge fdb show master
bridge fdb show br sw
bridge fdb show br sw dynamic
bridge fdb show br sw static
bridge fdb show brport p1
bridge fdb show dev p2
bridge fdb show dev p2 dynamic
bridge fdb show dev p2 self
bridge fdb show br sw brport p2
bridge fdb show vlan 1
bridge fdb show state permanent
bridge fdb show state static
bridge fdb show state reachable
bridge fdb show state nosuch
bridge fdb show permanent
bridge fdb show br p1
bridge fdb show br nosuch
bridge fdb show dev nosuch
bridge fdb show bogus
bridge fdb show br
bridge -s fdb show dynamic
bridge -j fdb show dynamic
bridge fdb show dynamic br sw brport p1
bridge fdb show state perm
bridge fdb show state temp
bridge fdb show state all
bridge fdb show state 0x40
bridge fdb show state static state permanent
bridge fdb show dynamic state permanent
bridge fdb show state
bridge fdb show vlan
bridge fdb show vlan x
bridge fdb show vlan 0
bridge fdb show vlan 1 vlan 2
bridge fdb show brport p1 dev p2
bridge fdb show dev sw
bridge fdb show he
bridge fdb help
