# Publish a container's port with DNAT
# As `docker run -p 8080:80` does: host1's nat table sends TCP to its own port 8080 (any local address, arriving on any device but br0) to container c1's port 80, where a server listens; the internet host 198.51.100.1 shares host1's eth0 network.
# Connect from the internet host with `nc -z 198.51.100.2 8080`: the SYN walks nat PREROUTING into the DOCKER chain, whose DNAT rule rewrites the destination to 172.17.0.2:80; the host forwards it into br0, and conntrack un-NATs the SYN-ACK on its way back.
# probe internet/ run nc -z -v -w 1 198.51.100.2 8080
pw switch add wan
pw host add internet
pw nic add host1 eth0 switch wan address 02:00:00:00:01:01
pw nic add internet eth0 switch wan address 02:00:00:00:09:01
pw use internet
ip addr add 198.51.100.1/24 dev eth0
ip link set eth0 up
pw use host1
ip addr add 198.51.100.2/24 dev eth0
ip link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
ip link add br0 type bridge
ip link set br0 address 02:42:ac:11:00:01
ip addr add 172.17.0.1/16 dev br0
ip link set br0 up
ip netns add c1
ip link add veth-c1 type veth peer name eth0 netns c1
ip link set veth-c1 address 02:00:00:00:00:11
ip -n c1 link set eth0 address 02:42:ac:11:00:02
ip link set veth-c1 master br0
ip link set veth-c1 up
ip -n c1 link set lo up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
iptables-restore <<'EOF_NAT'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE
-A DOCKER -i br0 -j RETURN
-A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
COMMIT
EOF_NAT
ip netns exec c1 nc -l -k 80 &
