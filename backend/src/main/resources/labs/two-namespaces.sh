# Two namespaces and a veth pair
# ns1 and ns2 joined by veth1 <-> veth2 on 10.0.0.0/24, with fixed MACs so traces read easily.
# The same script runs unchanged under bash as root in real network namespaces.
# probe host1/ns1 ping 10.0.0.2
ip netns add ns1
ip netns add ns2
ip link add veth1 type veth peer name veth2
ip link set dev veth1 address 02:00:00:00:00:01
ip link set dev veth2 address 02:00:00:00:00:02
ip link set veth1 netns ns1
ip link set veth2 netns ns2
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set lo up
ip netns exec ns1 ip addr add 10.0.0.1/24 dev veth1
ip netns exec ns2 ip addr add 10.0.0.2/24 dev veth2
ip netns exec ns1 ip link set veth1 up
ip netns exec ns2 ip link set veth2 up
