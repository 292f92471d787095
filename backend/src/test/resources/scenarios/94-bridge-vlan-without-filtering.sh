# Bridge VLAN commands on a kernel built without CONFIG_BRIDGE_VLAN_FILTERING (this machine's, and
# a Packetwalk host's by default): vlan_filtering, even 0, is refused and the bridge is not made;
# vlan_default_pvid and vlan_protocol are accepted and ignored; ports have no VLANs, so bridge vlan
# show prints only its header; bridge vlan add is refused after iproute2's and the kernel's id
# checks, while del succeeds; fdb entries with a vlan are refused.
ip link add br0 type bridge vlan_filtering 1
ip link add br0 type bridge vlan_filtering 0
ip link add br0 type bridge vlan_filtering x
ip link add br0 type bridge vlan_protocol foo
ip link add br0 type bridge vlan_default_pvid 70000
ip -br link show type bridge
ip link add br0 type bridge vlan_default_pvid 5 vlan_protocol 802.1ad
ip link set br0 address 02:00:00:00:94:01
ip link set br0 type bridge vlan_filtering 1
ip link set br0 type bridge vlan_default_pvid 7
ip -d link show br0
ip -d -j link show br0
ip link add va type veth peer name vb
ip link set va address 02:00:00:00:94:0a
ip link set vb address 02:00:00:00:94:0b
ip link set va master br0
bridge vlan show
bridge -j vlan show
bridge -c vlan show dev va
bridge vlan show dev nope
bridge vlan show dev va dev vb
bridge vlan add dev va vid 10
bridge vlan add dev va vid 10 pvid untagged master
bridge vlan add dev br0 vid 10 self
bridge vlan add dev br0 vid 10
bridge vlan add dev vb vid 10
bridge vlan add dev vb vid 10 self
bridge vlan add dev va vid 0
bridge vlan add dev va vid 4095
bridge vlan add dev va vid 5000
bridge vlan add dev va vid abc
bridge vlan add dev va vid 10-5
bridge vlan add dev va vid 10-20 pvid
bridge vlan add dev va vid 10-20
bridge vlan add dev va
bridge vlan add vid 10
bridge vlan add dev nope vid 10
bridge vlan del dev va vid 10
bridge vlan del dev br0 vid 1 self
bridge vlan del dev va vid 0
bridge vlan frobnicate
bridge vlan help
bridge vlan show
bridge fdb add 02:00:00:00:94:99 dev va master static vlan 0
bridge fdb add 02:00:00:00:94:99 dev va master static vlan 10
bridge fdb add 02:00:00:00:94:99 dev va master static vlan 1 vlan 2
bridge fdb add 02:00:00:00:94:99 dev br0 self vlan 10
bridge fdb del 02:00:00:00:94:99 dev va master vlan 10
bridge fdb add 02:00:00:00:94:99 dev va master static
bridge fdb show br br0
bridge fdb show br br0 vlan 1
