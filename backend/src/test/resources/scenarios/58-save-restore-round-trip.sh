# Save and restore round trip through a file: the same rules come back, byte for byte
ip netns add fw
ip netns exec fw iptables -t nat -N DOCKER
ip netns exec fw iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip netns exec fw iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
ip netns exec fw iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip netns exec fw iptables -t nat -A DOCKER -i docker0 -j RETURN
ip netns exec fw iptables -A INPUT -p tcp -m multiport --dports 22,80,443,8000:8100 -j ACCEPT
ip netns exec fw iptables -A INPUT -p udp --sport 53 -m comment --comment "dns answers" -j ACCEPT
ip netns exec fw iptables -A INPUT -p tcp --syn -m limit --limit 3/min --limit-burst 7 -j LOG --log-prefix "syn: " --log-level 6
ip netns exec fw iptables -A INPUT -p tcp --tcp-flags SYN,ACK,FIN SYN -j ACCEPT
ip netns exec fw iptables -A INPUT -m addrtype --src-type LOCAL --limit-iface-in -j ACCEPT
ip netns exec fw iptables -A OUTPUT -m state --state NEW,RELATED -j ACCEPT
ip netns exec fw iptables -t raw -A PREROUTING -p udp --dport 4789 -j CT --notrack
ip netns exec fw iptables-save > /tmp/rules.v4
ip netns exec fw iptables -t nat -F
ip netns exec fw iptables -t nat -X
ip netns exec fw iptables -F
ip netns exec fw iptables-save
ip netns exec fw iptables-restore < /tmp/rules.v4
ip netns exec fw iptables-save
ip netns exec fw iptables -L -n
ip netns exec fw iptables -t raw -L -n
ip netns del fw
