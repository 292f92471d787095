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
ip netns exec fw iptables -N C0
ip netns exec fw iptables -N C1
ip netns exec fw iptables -N C2
ip netns exec fw iptables -N C3
ip netns exec fw iptables -N C4
ip netns exec fw iptables -N C5
ip netns exec fw iptables -N C6
ip netns exec fw iptables -N C7
ip netns exec fw iptables -N C8
ip netns exec fw iptables -N C9
ip netns exec fw iptables -N C10
ip netns exec fw iptables -N C11
ip netns exec fw iptables -N C12
ip netns exec fw iptables -N C13
ip netns exec fw iptables -N C14
ip netns exec fw iptables -N C15
ip netns exec fw iptables -N C16
ip netns exec fw iptables -N C17
ip netns exec fw iptables -A C0 -j C1
ip netns exec fw iptables -A C1 -j C2
ip netns exec fw iptables -A C2 -j C3
ip netns exec fw iptables -A C3 -j C4
ip netns exec fw iptables -A C4 -j C5
ip netns exec fw iptables -A C5 -j C6
ip netns exec fw iptables -A C6 -j C7
ip netns exec fw iptables -A C7 -j C8
ip netns exec fw iptables -A C8 -j C9
ip netns exec fw iptables -A C9 -j C10
ip netns exec fw iptables -A C10 -j C11
ip netns exec fw iptables -A C11 -j C12
ip netns exec fw iptables -A C12 -j C13
ip netns exec fw iptables -A C13 -j C14
ip netns exec fw iptables -A C14 -j C15
ip netns exec fw iptables -A C15 -j C16
ip netns exec fw iptables -A C16 -j C17
ip netns exec fw iptables -A OUTPUT -j C1
ip netns exec fw iptables -A OUTPUT -j C2
ip netns exec fw iptables -A OUTPUT -g C1
ip netns exec fw iptables -A OUTPUT -j C3
ip netns exec fw iptables-save
ip netns del fw
