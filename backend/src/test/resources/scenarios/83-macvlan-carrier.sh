# A macvlan's carrier follows its lower device: no carrier while the lower device is down or has
# none itself, whatever the macvlan's own state. Its operstate is LOWERLAYERDOWN when the lower
# device sits in the same namespace without carrier, DOWN when it lives in another namespace (the
# kernel looks the lower device's index up in the macvlan's own namespace). The parent is made
# promiscuous while a macvlan on it is up; a macvlan cannot come up with a MAC its parent or an up
# sibling already has; deleting the parent takes the macvlans with it, in every namespace.
ip netns add a
ip link add veth0 type veth peer name vp
ip link set dev veth0 address 02:00:00:00:83:01
ip link set dev vp address 02:00:00:00:83:02
ip link add mv1 link veth0 type macvlan mode bridge
ip link add mv2 link veth0 type macvlan mode bridge
ip link set dev mv1 address 02:00:00:00:83:11
ip link set dev mv2 address 02:00:00:00:83:12
ip link set mv2 netns a
ip link set mv1 up
ip -n a link set mv2 up
ip link show mv1
ip -n a link show mv2
ip link set veth0 up
ip link show mv1
ip -n a link show mv2
ip -d link show veth0
ip link set vp up
ip link show mv1
ip -n a link show mv2
ip -br link show
ip link set veth0 down
ip link show mv1
ip -n a link show mv2
ip link set veth0 up
ip link show mv1
ip link set vp down
ip link show mv1
ip -n a link show mv2
ip link set vp up
ip link set mv1 down
ip link show mv1
ip -d link show veth0
ip link set mv1 up
ip link add mv3 link veth0 type macvlan
ip link set dev mv3 address 02:00:00:00:83:11
ip link set mv3 up
ip link set dev mv3 address 02:00:00:00:83:01
ip link set mv3 up
ip link set dev mv3 address 02:00:00:00:83:13
ip link set mv3 up
ip link set dev mv3 address 02:00:00:00:83:11
ip link add mp link vp type macvlan mode passthru
ip link show mp
ip link set dev mp address 02:00:00:00:83:22
ip link show vp
ip link set mp up
ip -d link show vp
ip link del veth0
ip link show
ip -n a link show
