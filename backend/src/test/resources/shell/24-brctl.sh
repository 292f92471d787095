# bridge-utils: addbr/delbr/addif/delif/show/showmacs and their error messages; the bridge
# MAC follows the lowest port MAC until one is set, and its MTU follows the smallest port.
brctl addbr br1
brctl addbr br1
brctl show
ip link add p1 type veth peer name q1
ip link add p2 type veth peer name q2
ip link set dev p1 address 02:00:00:00:00:31
ip link set dev p2 address 02:00:00:00:00:21
ip link set dev p2 mtu 1400
brctl addif br1 p1
brctl show br1
ip link show br1
brctl addif br1 p2
brctl show
ip link show br1
brctl addif br1 p2
brctl addif br1 nosuchdev
brctl addif nosuchbr p1
brctl delif br1 p2
ip link show br1
brctl delif br1 p2
brctl show
brctl addbr br2
brctl addif br2 p1
ip link set p1 nomaster
ip link show br1
ip link set p1 master br2
brctl show
brctl delbr br2
ip link set br1 up
brctl delbr br1
ip link set br1 down
brctl delbr br1
brctl delbr br1
brctl show
brctl addbr abcdefghijklmnop
brctl showmacs br2
brctl show nosuchbr
brctl foo
