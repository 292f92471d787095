# TUN and TAP among other devices: a TAP can be a bridge port and take a MAC, a TUN neither;
# both can be renamed and moved to another namespace, where ip tuntap finds and deletes them.
ip netns add other
ip tuntap add dev tun0 mode tun
ip tuntap add dev tap0 mode tap
ip link add br0 type bridge
ip link set tun0 master br0
ip link set tap0 master br0
ip link show master br0
ip link set tun0 address 02:00:00:00:00:09
ip link set tap0 address 02:00:00:00:00:09
ip link show tap0
ip link set tun0 name flannel0
ip tuntap show
ip link set flannel0 netns other
ip -n other tuntap show
ip -n other link show
ip -n other tuntap del dev flannel0 mode tun
ip -n other link show
ip link set tap0 nomaster
ip link set tap0 up
ip link show tap0
ip addr add 10.9.0.1/24 dev tap0
ip route
ip -6 addr show dev tap0
ip link del tap0
ip tuntap show
ip -br link show type tun
