# Error cases of `ip link` and friends: duplicate names, missing devices, over-long names,
# unknown objects, commands and types, and what each prints and returns.
ip link add veth0 type veth peer name veth1
ip link add veth0 type veth peer name veth2
ip link add veth5 type veth peer name veth0
ip link add abcdefghijklmnop type veth peer name p0
ip link add abcdefghijklmno type veth peer name p0
ip link show abcdefghijklmno
ip link add q0 type veth peer name abcdefghijklmnopq
ip link show nosuchdev
ip link set nosuchdev up
ip link del nosuchdev
ip addr show dev nosuchdev
ip addr add 10.0.0.1/24 dev nosuchdev
ip route add 10.5.0.0/16 dev nosuchdev
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev nosuchdev
ip link set veth0 master nosuchbr
ip link set veth0 mtu 70000
ip link set veth0 mtu 60
ip link set veth0 address zz:00:00:00:00:01
ip link set veth0 address 01:00:00:00:00:01
ip link add x type nosuchtype
ip link add lo type veth
ip link set lo name lo2
ip foo
ip link foo
ip link show dev veth0 extra
ip
ip netns exec nosuchns ip link
ip netns add n1
ip netns add n1
ip netns del nosuchns
ip netns delete n1
ip netns list
bridge fdb show br nosuchbr
bridge foo
ip link set lo vf x
ip link set lo txq x
ip link set lo txqlen 5k
ip link set lo index x
ip link set lo numtxqueues x
ip link set lo numrxqueues -
ip link set lo gso_max_size 12ab
ip link set lo gso_max_segs x
ip link set lo gro_max_size x
ip link set vf up
