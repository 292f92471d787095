# `ip addr flush` (removing a device's last IPv4 address also removes every route through it),
# `ip route replace` (add-or-change) and `ip route del`/`change` including their failure modes.
ip link add e0 type veth peer name e1
ip link set dev e0 address 02:00:00:00:00:01
ip link set e0 up
ip link set e1 up
ip addr add 10.13.0.1/24 dev e0
ip addr add 10.13.0.2/24 dev e0
ip addr add 10.14.0.1/16 dev e0
ip route add 10.99.0.0/16 via 10.13.0.254
ip route add 10.98.0.0/16 via 10.14.0.254
ip route
ip route replace 10.99.0.0/16 via 10.13.0.253
ip route replace 10.97.0.0/16 via 10.13.0.253 metric 7
ip route replace 10.97.0.0/16 dev e0 metric 7
ip route change 10.98.0.0/16 via 10.14.0.253
ip route change 10.96.0.0/16 via 10.14.0.253
ip route
ip route del 10.96.0.0/16
ip route del 10.97.0.0/16 metric 8
ip route del 10.97.0.0/16 via 10.13.0.1
ip route del 10.97.0.0/16
ip addr flush dev e0 to 10.14.0.0/16
ip route
ip addr show dev e0
ip addr flush dev e0
ip -4 addr show dev e0
ip addr show dev e0
ip route
ip route show table local
ip addr flush dev nosuchdev
ip route flush dev e0
