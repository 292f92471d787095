# macvlan: containers straight on the host's network
# host1's eth0 carries two macvlan devices in bridge mode, one in each container's namespace: each container has its own MAC and an address on the underlay network (192.168.60.0/24), like Docker's macvlan driver. host2 is another machine on the same switch.
# Ping 192.168.60.20 (host2) from c1 and the frame leaves through eth0 with c1's own MAC; ping c2 (192.168.60.12) and bridge mode switches it inside host1; ping host1's own 192.168.60.10 and nothing answers: the kernel keeps a macvlan and its parent apart.
# probe host1/c1 ping 192.168.60.20
# probe host1/c1 ping 192.168.60.12
pw switch add lan
pw host add host2
pw nic add host1 eth0 switch lan address 02:00:00:00:01:01
pw nic add host2 eth0 switch lan address 02:00:00:00:02:01
pw use host1
ip addr add 192.168.60.10/24 dev eth0
ip link set eth0 up
ip netns add c1
ip netns add c2
ip link add mv1 link eth0 type macvlan mode bridge
ip link set mv1 address 02:42:c0:a8:3c:0b
ip link set mv1 netns c1
ip link add mv2 link eth0 type macvlan mode bridge
ip link set mv2 address 02:42:c0:a8:3c:0c
ip link set mv2 netns c2
ip -n c1 addr add 192.168.60.11/24 dev mv1
ip -n c1 link set mv1 up
ip -n c2 addr add 192.168.60.12/24 dev mv2
ip -n c2 link set mv2 up
pw use host2
ip addr add 192.168.60.20/24 dev eth0
ip link set eth0 up
pw use host1
