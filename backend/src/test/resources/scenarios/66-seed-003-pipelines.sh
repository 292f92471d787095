# Seed 003's commands as typed: iptables listings filtered with grep, and grep's exit codes
ip netns add host
ip netns exec host iptables -t nat -N DOCKER
ip netns exec host iptables -N DOCKER
ip netns exec host iptables -A FORWARD -o docker0 -j DOCKER
ip netns exec host iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec host iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
ip netns exec host iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
ip netns exec host iptables -A DOCKER -o docker0 -j ACCEPT
ip netns exec host iptables -t nat -A POSTROUTING -s 172.100.5.144/28 ! -o docker0 -j MASQUERADE
ip netns exec host iptables -t nat -A DOCKER -i docker0 -j RETURN
ip netns exec host iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8888 -j ACCEPT
ip netns exec host iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8543 -j DNAT --to-destination 172.17.0.2:8888
ip netns exec host iptables -w -S -t filter | grep docker0
ip netns exec host iptables -w -S -t nat | grep docker0
ip netns exec host iptables-save | grep -c -- -A
ip netns exec host iptables-save -t nat | grep -E 'DNAT|MASQUERADE'
ip netns exec host iptables -S | grep -v docker0
ip netns exec host iptables -S | grep -i CONNTRACK
ip netns exec host iptables -S | grep nothing-like-this
ip netns exec host iptables -S | grep -w DOCKER | grep -n ACCEPT
ip netns del host
