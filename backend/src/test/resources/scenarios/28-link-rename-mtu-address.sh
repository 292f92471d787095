# `ip link set` NAME/MTU/ADDRESS changes: this kernel renames a device even while it is up,
# MTU limits are checked, and a new MAC changes the IPv6 link-local only after a down/up.
ip link add old0 type veth peer name peer0
ip link set dev old0 address 02:00:00:00:00:01
ip link set dev peer0 address 02:00:00:00:00:02
ip addr add 10.12.0.1/24 dev old0
ip link set old0 up
ip link set peer0 up
ip link set old0 name new0
ip link set old0 down
ip link set old0 name new0
ip link show new0
ip link show old0
ip addr show new0
ip route
ip link set new0 up
ip link set new0 name new1
ip link set dev peer0 name new0
ip link set dev new0 mtu 9000
ip link set dev new0 mtu 1280
ip link show new0
ip link show peer0
ip link set dev new0 address 02:00:00:00:00:aa
ip link show new0
ip link set dev new0 address 02:00:00:00:00:aa
ip link set new0 down
ip link set new0 up
ip addr show dev new0
ip link set dev new0 mtu 1500 address 02:00:00:00:00:bb
ip -br link show new0
ip link set dev peer0 name x
ip link set dev new0 name lo
ip link set dev new0 name abcdefghijklmnop
