# Error cases of `ip addr`: bad prefixes, bad addresses, duplicates and deleting what is
# not there; plus peer/broadcast/label forms that are accepted.
ip link add d0 type veth peer name d1
ip link set dev d0 address 02:00:00:00:00:d0
ip addr add 10.0.0.1/33 dev d0
ip addr add 10.0.0.1/-1 dev d0
ip addr add 10.0.0.256/24 dev d0
ip addr add 10.0.0 dev d0
ip addr add bogus dev d0
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.0.1/16 dev d0
ip addr add 10.0.0.2/24 dev d0
ip addr add 10.0.0.3 dev d0
ip addr add 10.0.1.1/24 brd + dev d0
ip addr add 10.0.2.1/24 dev d0 label d0:web
ip addr add 10.0.0.1/32 dev d1
ip addr show dev d0
ip -4 addr show dev d0
ip addr del 10.0.9.9/24 dev d0
ip addr del 10.0.0.2/24 dev d0
ip addr del 10.0.0.1/24 dev d0
ip addr show dev d0
ip route show table local
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.0.0.1/0 dev d0
ip addr show dev d1
ip addr
