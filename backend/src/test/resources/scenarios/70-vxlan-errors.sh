# ip link add … type vxlan: what iproute2 and the kernel refuse, and the warning without dstport.
ip link add u0 type veth peer name u1
ip link add vx1 type vxlan
ip link add vx1 type vxlan id 16777216 dstport 4789
ip link add vx1 type vxlan id -1 dstport 4789
ip link add vx1 type vxlan id 5 dstport 70000
ip link add vx1 type vxlan id 5 dstport 4789 remote 192.0.2.2 group 239.1.1.1
ip link add vx1 type vxlan id 5 dstport 4789 group 192.0.2.2
ip link add vx1 type vxlan id 5 dstport 4789 remote 239.1.1.1
ip link add vx1 type vxlan id 5 dstport 4789 local foo
ip link add vx1 type vxlan id 5 dstport 4789 dev nosuch
ip link add vx1 type vxlan id 5 dstport 4789 ttl 256
ip link add vx1 type vxlan id 5 dstport 4789 srcport 5 x
ip link add vx1 type vxlan id 5 dstport 4789 bogus
ip link add vx1 type vxlan id 5 dstport 4789 group 239.1.1.1
ip link add vx1 type vxlan vni 5 id 6 dstport 4789
ip link add vx1 type vxlan id 5 dstport 4789 ageing x
ip link add vx1 type vxlan id 5
ip link add vx2 type vxlan id 5 dstport 0
ip link add vx3 type vxlan id 5 dstport 8472
ip link add vx3 type vxlan id 6 dstport 4789 ttl inherit srcport 1000 2000 ageing 20 proxy l2miss l3miss
ip link add vx4 type vxlan id 7 dstport 4789 group 239.1.1.1 dev u0 ttl 5
ip link add vx5 type vxlan id 8 dstport 4789 remote 192.0.2.9 nolearning
ip -d link show type vxlan
ip -d -j link show vx3
bridge fdb show dev vx4
bridge fdb add 02:00:00:00:00:09 dev vx5
bridge fdb add 02:00:00:00:00:09 dev vx5 dst 192.0.2.10 vni 9 port 4790 via u0
bridge fdb show dev vx5
bridge fdb del 02:00:00:00:00:09 dev vx5 dst 192.0.2.11
ip link set vx5 type vxlan learning ageing 30
ip -d link show vx5
ip link del u0
ip link show type vxlan
