# The MTU a VXLAN tunnel costs: an underlay of 1400 bytes gives a VTEP of 1350. A VTEP cannot be
# set above what its underlay leaves; DF pings one byte under, at and over the tunnel's MTU; and a
# VTEP whose MTU was set by hand is not changed when the underlay's MTU changes.
ip netns add h1
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add u1 netns h1 type veth peer name u2 netns h2
ip -n h1 link set u1 mtu 1400
ip -n h2 link set u2 mtu 1400
ip -n h1 addr add 192.0.2.1/24 dev u1
ip -n h2 addr add 192.0.2.2/24 dev u2
ip -n h1 link set u1 up
ip -n h2 link set u2 up
ip -n h1 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.2 dev u1
ip -n h2 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.1 dev u2
ip -n h1 link show vx0
ip -n h1 link set vx0 mtu 1351
ip -n h1 link set vx0 mtu 1300
ip -n h1 link set vx0 mtu 1350
ip -n h1 link set vx0 address 02:00:00:00:0a:01
ip -n h2 link set vx0 address 02:00:00:00:0a:02
ip -n h1 addr add 10.10.0.1/24 dev vx0
ip -n h2 addr add 10.10.0.2/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip netns exec h1 ping -c 1 -W 1 -M do -s 1321 10.10.0.2
ip netns exec h1 ping -c 1 -W 1 -M do -s 1322 10.10.0.2
ip netns exec h1 ping -c 1 -W 1 -M do -s 1323 10.10.0.2
ip netns exec h1 ping -c 1 -W 1 -s 2000 10.10.0.2
ip -n h1 link set u1 mtu 1500
ip -n h1 link show vx0
ip -n h1 link add vx1 type vxlan id 43 dstport 4789 remote 192.0.2.2 dev u1
ip -n h1 link show vx1
ip -n h1 link add vx2 type vxlan id 44 dstport 4789 remote 192.0.2.2
ip -n h1 link show vx2
ip -n h1 link set vx2 mtu 9000
ip -n h1 link show vx2
