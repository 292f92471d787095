# iptables refuses bad rules with its own words and exit codes, and a refused command changes nothing
ip netns add fw
ip netns exec fw iptables -A NOPE -j ACCEPT
ip netns exec fw iptables -A INPUT -j NOPE
ip netns exec fw iptables -A INPUT --dport 80 -j ACCEPT
ip netns exec fw iptables -t bogus -L
ip netns exec fw iptables -P FOO ACCEPT
ip netns exec fw iptables -P INPUT FOO
ip netns exec fw iptables -A INPUT -s 300.1.1.1 -j ACCEPT
ip netns exec fw iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
ip netns exec fw iptables -A INPUT -p foo -j ACCEPT
ip netns exec fw iptables -t nat -A INPUT -j DNAT --to-destination 192.0.2.1
ip netns exec fw iptables -A INPUT -j DNAT --to-destination 192.0.2.1
ip netns exec fw iptables -A INPUT -m foo -j ACCEPT
ip netns exec fw iptables --bogus
ip netns exec fw iptables -A INPUT -j REJECT --reject-with tcp-reset
ip netns exec fw iptables -A INPUT -j REJECT --reject-with bogus
ip netns exec fw iptables -I INPUT 9 -j ACCEPT
ip netns exec fw iptables -R INPUT 1 -j ACCEPT
ip netns exec fw iptables -A INPUT -o eth1 -j ACCEPT
ip netns exec fw iptables -A OUTPUT -i eth0 -j ACCEPT
ip netns exec fw iptables -A INPUT -j ACCEPT extra
ip netns exec fw iptables -A INPUT -m state --state FOO -j ACCEPT
ip netns exec fw iptables -t raw -A INPUT -j ACCEPT
ip netns exec fw iptables -t nat -A OUTPUT -j MASQUERADE
ip netns exec fw iptables -t nat -A PREROUTING -j DNAT --to-destination 192.0.2.1:80
ip netns exec fw iptables -N A
ip netns exec fw iptables -N B
ip netns exec fw iptables -A A -j B
ip netns exec fw iptables -A B -j A
ip netns exec fw iptables -A INPUT -j A
ip netns exec fw iptables -X B
ip netns exec fw iptables -E A B
ip netns exec fw iptables -N this-chain-name-is-far-too-long-for-iptables
ip netns exec fw iptables-save
ip netns del fw
