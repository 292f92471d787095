# ip route get ADDR from SRC without iif: a locally generated lookup with the source given
# (the from address replaces src in the output line), a non-local source, oif, and errors.
ip netns add n
ip netns exec n ip link add d0 type veth peer name d1
ip netns exec n ip link set d0 up
ip netns exec n ip link set d1 up
ip netns exec n ip link set lo up
ip netns exec n ip addr add 10.1.0.1/24 dev d0
ip netns exec n ip addr add 10.1.0.5/24 dev d0
ip netns exec n ip addr add 10.2.0.1/24 dev d1
ip netns exec n ip route add 10.9.0.0/16 via 10.1.0.254
ip netns exec n ip route get 10.1.0.2
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1
ip netns exec n ip route get 10.1.0.2 from 10.1.0.5
ip netns exec n ip route get 10.1.0.2 from 10.2.0.1
ip netns exec n ip route get 10.9.1.1 from 10.1.0.5
ip netns exec n ip route get 10.1.0.2 from 10.7.0.1
ip netns exec n ip route get 10.1.0.2 from 10.1.0.99
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1 oif d0
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1 oif d1
ip netns exec n ip route get 10.1.0.2 from 10.7.0.1 oif d0
ip netns exec n ip route get 10.8.0.1 from 10.1.0.1
ip netns exec n ip route get 10.8.0.1 from 10.1.0.1 oif d1
ip netns exec n ip route get 10.8.0.1 oif d1
ip netns exec n ip route get 10.1.0.2 oif d1
ip netns exec n ip route get 10.1.0.5 from 10.1.0.1
ip netns exec n ip route get 10.1.0.5 from 10.2.0.1
ip netns exec n ip route get 127.0.0.1 from 10.1.0.1
ip netns exec n ip route get 10.1.0.2 from 0.0.0.0
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1/24
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1/32
ip netns exec n ip route get 10.1.0.2 from bogus
ip netns exec n ip route get from bogus 10.1.0.2
ip netns exec n ip route get 10.1.0.2 from
ip netns exec n ip route get 10.1.0.2 from 10.1.0.1 oif nosuch
ip netns exec n ip route get 10.1.0.255 from 10.1.0.1
ip netns exec n ip route get 255.255.255.255 from 10.1.0.1
ip netns exec n ip route get 10.1.0.2 from 255.255.255.255
ip netns exec n ip route get 10.1.0.2 from 224.0.0.1
ip netns exec n ip -j route get 10.1.0.2 from 10.1.0.5
ip netns exec n ip route get 10.1.0.2 from 10.1.0.5 iif d1
