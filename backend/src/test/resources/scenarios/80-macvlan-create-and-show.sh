# macvlan devices made with `ip link add NAME link LOWER type macvlan [mode M]`: the default mode
# is vepa; -d and -j print mode and broadcast queue lengths; a macvlan made on a macvlan sits on
# that one's lower device; passthru wants its lower device to itself and takes its MAC; a bridge
# port cannot carry macvlans and a device with macvlans cannot join a bridge; the MTU may not
# exceed the lower device's; deleting the lower device deletes its macvlans; bad input gets
# iproute2's and the kernel's answers.
ip link add veth0 type veth peer name vp
ip link set dev veth0 address 02:00:00:00:80:01
ip link set dev vp address 02:00:00:00:80:02
ip link add mv1 link veth0 type macvlan mode bridge
ip link set dev mv1 address 02:00:00:00:80:11
ip link show mv1
ip -d link show mv1
ip -j -d link show mv1
ip -j link show mv1
ip link add mv2 link veth0 type macvlan
ip link set dev mv2 address 02:00:00:00:80:12
ip -d link show mv2
ip link add mv3 link veth0 address 02:00:00:00:80:13 type macvlan mode private
ip link add mv4 link mv1 type macvlan mode vepa bcqueuelen 50
ip link set dev mv4 address 02:00:00:00:80:14
ip -d link show mv4
ip -j -d link show mv3
ip -br link show
ip link show type macvlan
ip -br link show type macvlan
ip link add mv5 link veth0 type macvlan mode passthru
ip link add mp link vp type macvlan mode passthru
ip -d link show mp
ip link add mp2 link vp type macvlan
ip link add mv6 link veth0 type macvlan mode foo
ip link add mv6 type macvlan
ip link add mv6 link nosuch type macvlan
ip link add mv6 link lo type macvlan
ip link add mv6 link veth0 type macvlan help
ip link add mv6 link veth0 type macvlan mode
ip link add mv6 link veth0 type macvlan nopromisc
ip link add mv6 link veth0 type macvlan mode bridge wat
ip link add mv6 link veth0 type macvlan bcqueuelen -1
ip link add mv6 link veth0 mtu 1600 type macvlan
ip link set mv1 type macvlan mode private
ip -d link show mv1
ip link set mv1 type macvlan mode passthru
ip link set mp type macvlan mode bridge
ip link set mv1 type macvlan mode
ip link set lo type macvlan mode bridge
ip link add link veth0 type macvlan
ip link show dev macvlan0
ip link add link veth0 name mvn type macvlan
ip link show dev mvn
ip link add br0 type bridge
ip link set veth0 master br0
ip link add va type veth peer name vb
ip link set va master br0
ip link add mvx link va type macvlan
ip link add mvb link br0 type macvlan
ip link set dev br0 address 02:00:00:00:80:b0
ip link set dev mvb address 02:00:00:00:80:b1
ip link show mvb
ip link set veth0 mtu 1400
ip link show mv2
ip link set mv2 mtu 1450
ip link set mv2 mtu 1300
ip link show mv2
ip link set veth0 mtu 1500
ip link show mv2
ip link del veth0
ip link show
