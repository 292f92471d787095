# Docker's default bridge (seed 003): the rules an older Docker writes, restored from a here-document; a container reaches an "internet" host through MASQUERADE, the internet reaches the container through -p 8543:8888, containers on docker0 talk through FORWARD
ip netns add host
ip netns add c1
ip netns add c2
ip netns add net
ip -n host link add docker0 type bridge
ip -n host link add vethc1 type veth peer name eth0 netns c1
ip -n host link add vethc2 type veth peer name eth0 netns c2
ip -n host link add eth0 type veth peer name eth0 netns net
ip -n host link set vethc1 master docker0
ip -n host link set vethc2 master docker0
ip -n host addr add 172.17.0.1/16 dev docker0
ip -n host addr add 203.0.113.1/24 dev eth0
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n net addr add 203.0.113.2/24 dev eth0
ip -n host link set docker0 up
ip -n host link set vethc1 up
ip -n host link set vethc2 up
ip -n host link set eth0 up
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n net link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip -n c2 route add default via 172.17.0.1
ip netns exec host sysctl -w net.ipv4.ip_forward=1
# the kernel announces docker0's multicast membership (IGMP) right after it comes up; the simulator
# does not model IGMP, so the rules come after those reports
sleep 3
ip netns exec host iptables-restore <<'RULES'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 8888 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8543 -j DNAT --to-destination 172.17.0.2:8888
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER-ISOLATION-STAGE-1 - [0:0]
:DOCKER-ISOLATION-STAGE-2 - [0:0]
:DOCKER-USER - [0:0]
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-ISOLATION-STAGE-1
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -o docker0 -j DOCKER
-A FORWARD -i docker0 ! -o docker0 -j ACCEPT
-A FORWARD -i docker0 -o docker0 -j ACCEPT
-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8888 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -j RETURN
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -j RETURN
-A DOCKER-USER -j RETURN
COMMIT
RULES
ip netns exec host iptables -w -S -t filter
ip netns exec host iptables -w -S -t nat
ip netns exec c1 nc -l -k 8888 &
ip netns exec c1 ping -c 2 -i 0.2 -W 1 203.0.113.2
ip netns exec net nc -z -w 1 203.0.113.1 8543
ip netns exec net nc -z -w 1 203.0.113.1 8544
ip netns exec net ping -c 1 -W 1 172.17.0.2
ip netns exec c2 ping -c 1 -W 1 172.17.0.2
ip netns exec host nc -z -w 1 203.0.113.1 8543
ip netns exec host conntrack -L -p tcp
ip netns exec host conntrack -L -p icmp
ip netns exec host iptables -L -n -v -x
ip netns exec host iptables -t nat -L -n -v -x
