# iptables commands on one namespace: chains, rules by number and by text, rename, policies, -S and -L listings, counters zeroed
ip netns add fw
ip netns exec fw iptables -N DOCKER
ip netns exec fw iptables -N DOCKER
ip netns exec fw iptables -A INPUT -s 10.0.0.0/8 -p tcp --dport 22 -j ACCEPT
ip netns exec fw iptables -A INPUT -i lo -j ACCEPT
ip netns exec fw iptables -I INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec fw iptables -I INPUT 2 -p icmp --icmp-type echo-request -j ACCEPT
ip netns exec fw iptables -A FORWARD -o docker0 -j DOCKER
ip netns exec fw iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8888 -j ACCEPT
ip netns exec fw iptables -R INPUT 4 -i lo -m comment --comment "loopback is fine" -j ACCEPT
ip netns exec fw iptables -C INPUT -i lo -m comment --comment "loopback is fine" -j ACCEPT
ip netns exec fw iptables -C INPUT -i lo -j ACCEPT
ip netns exec fw iptables -P INPUT DROP
ip netns exec fw iptables -S
ip netns exec fw iptables -S INPUT
ip netns exec fw iptables -L -n
ip netns exec fw iptables -L INPUT -n -v -x --line-numbers
ip netns exec fw iptables -L DOCKER -n
ip netns exec fw iptables -L FORWARD
ip netns exec fw iptables -D INPUT 2
ip netns exec fw iptables -D INPUT -i lo -m comment --comment "loopback is fine" -j ACCEPT
ip netns exec fw iptables -D INPUT 9
ip netns exec fw iptables -E DOCKER DOCKER-USER
ip netns exec fw iptables -S
ip netns exec fw iptables -X DOCKER-USER
ip netns exec fw iptables -F
ip netns exec fw iptables -X DOCKER-USER
ip netns exec fw iptables -Z
ip netns exec fw iptables -S
ip netns exec fw iptables-save
ip netns del fw
