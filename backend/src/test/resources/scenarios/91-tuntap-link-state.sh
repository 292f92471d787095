# TUN and TAP as ip link shows them: link/none, POINTOPOINT,NOARP, qlen 500; up without a reader
# is NO-CARRIER, state DOWN, its connected route linkdown, and what it would send a transmit drop.
ip tuntap add dev tun0 mode tun
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun5 mode tun multi_queue user 4242
ip link show tun0
ip link show tap0
ip -d link show
ip -j link show tun0
ip -j -d link show tun0
ip -j -d link show tap0
ip -j -d link show tun5
ip -br link show
ip link set tun0 up
ip link set tap0 up
ip link show tun0
ip link show tap0
ip -d link show tun0
ip addr add 10.9.0.1/24 dev tun0
ip addr show tun0
ip -j addr show tun0
ip route
ping -c 1 -W 1 10.9.0.2
ip -s link show tun0
ip link set tun0 mtu 1472
ip link set tun0 mtu 65536
ip link set tun0 mtu 67
ip link set tap0 mtu 65521
ip link set tap0 mtu 65522
ip link show tap0
ip link set tun0 down
ip link show tun0
ip route
