# `ip -br` (brief) and `ip -d` (details) output for a veth pair, a bridge and a bridge port,
# including the bridge's default timers and the port's default flags.
ip netns add n
ip link add br0 type bridge
ip link set dev br0 address 02:00:00:00:00:b0
ip link add veth0 type veth peer name eth0 netns n
ip link set dev veth0 address 02:00:00:00:00:01
ip netns exec n ip link set dev eth0 address 02:00:00:00:00:02
ip link set veth0 master br0
ip addr add 192.168.77.1/24 dev br0
ip link set br0 up
ip link set veth0 up
ip netns exec n ip addr add 192.168.77.2/24 dev eth0
ip netns exec n ip link set eth0 up
ip -br link
ip -br addr
ip -br -4 addr
ip -br link show type bridge
ip -br link show master br0
ip netns exec n ip -br addr show eth0
ip -d link show veth0
ip -d link show br0
ip netns exec n ip -d link show eth0
ip -d addr show br0
ip link show type veth
ip -o link show veth0
ip -o addr show dev br0
