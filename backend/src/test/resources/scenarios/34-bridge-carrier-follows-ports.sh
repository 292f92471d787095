# A bridge keeps the carrier a new device starts with (operstate UNKNOWN) until the kernel first
# selects port states: when a port arrives, its address is set or STP is switched. From then on it
# has carrier only while a port is up with carrier: releasing the last port, deleting it, or its
# veth peer going down takes it to NO-CARRIER. Bridge port numbers are reused.
ip link add br0 type bridge
ip link set br0 up
ip -br link show br0
ip link add va type veth peer name vb
ip link set vb up
ip link set va master br0
ip link set va up
ip -br link show br0
ip link set va nomaster
ip -br link show br0
ip link show br0
ip link set va master br0
ip -br link show br0
ip link del va
ip -br link show br0
ip link add vc type veth peer name vd
ip link set vc master br0
ip link set vc up
ip link set vd up
ip -br link show br0
bridge link show
ip link set vd down
ip -br link show br0
bridge link show
ip link set vd up
ip link add vx type veth peer name vy
ip link set vx master br0
bridge -d link show dev vx
ip link set vc nomaster
ip -br link show br0
ip link set vx up
ip link set vy up
ip -br link show br0
ip link set br0 down
ip link set br0 up
ip -br link show br0
ip -d link show vx
ip link add br1 type bridge
ip link set br1 address 02:00:00:00:0b:01 mtu 1400 up
ip link add vp type veth peer name vq
ip link set vq up
ip link set vp master br1 up
ip -br link show br1
ip link set vp nomaster
ip -br link show br1
ip link show br1
ip link add br2 type bridge
ip link set br2 type bridge stp_state 1
ip link set br2 up
ip -br link show br2
brctl addbr br3
brctl stp br3 on
ip link set br3 up
ip -br link show br3
brctl addbr br4
brctl stp br4 off
ip link set br4 mtu 1400 up
ip -br link show br4
ip link set br4 address 02:00:00:00:0b:04
ip -br link show br4
ip route add 10.44.0.0/16 dev br4
ip route show dev br4
