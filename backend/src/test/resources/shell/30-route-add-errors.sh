# `ip route add` failures: unreachable gateway, duplicate route, bad prefix, gateway on a down
# link, host bits set, missing device; and `onlink` to skip the gateway check.
ip link add r0 type veth peer name r1
ip link set dev r0 address 02:00:00:00:00:01
ip addr add 10.15.0.1/24 dev r0
ip route add 10.50.0.0/16 via 10.15.0.254
ip link set r0 up
ip link set r1 up
ip route add 10.50.0.0/16 via 10.15.0.254
ip route add 10.50.0.0/16 via 10.15.0.254
ip route add 10.50.0.0/16 via 10.15.0.253
ip route add 10.50.0.0/16 via 10.15.0.253 metric 10
ip route add 10.51.0.0/16 via 10.16.0.1
ip route add 10.51.0.0/16 via 10.16.0.1 dev r0
ip route add 10.51.0.0/16 via 10.16.0.1 dev r0 onlink
ip route add 10.52.0.0/33 via 10.15.0.254
ip route add 10.52.0.1/16 via 10.15.0.254
ip route add 10.53.0.0/16 via 10.15.0.1
ip route add 10.54.0.0/16
ip route add default via 10.15.0.254
ip route add default via 10.15.0.253
ip route add 10.55.0.0/16 via 10.15.0.254 dev r1
ip route add 0.0.0.0/0 via 10.15.0.250 metric 100
ip route add 10.56.0.0/16 via 300.1.1.1
ip route add 10.57.0.0/16 dev r0 scope host
ip route
ip route del 10.58.0.0/16
ip route foo
ip route get 300.1.1.1
ip route get 10.0.0.0/8
