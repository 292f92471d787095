# iptables-restore: a bad line changes nothing and names its line; blocks before it stay; COMMIT expected
ip netns add fw
ip netns exec fw iptables -A INPUT -s 192.0.2.1 -j ACCEPT
ip netns exec fw iptables-restore <<'RULES'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j ACCEPT
-A INPUT -p tcp --dport 99999 -j ACCEPT
COMMIT
RULES
ip netns exec fw iptables-save
ip netns exec fw iptables-restore <<'RULES'
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -j NOPE
COMMIT
RULES
ip netns exec fw iptables-restore <<'RULES'
*mangle
-A PREROUTING -j ACCEPT
COMMIT
*filter
-A INPUT -j NOPE
COMMIT
RULES
ip netns exec fw iptables-save
ip netns exec fw iptables-restore <<'RULES'
*filter
-A INPUT -j ACCEPT
RULES
ip netns exec fw iptables-restore <<'RULES'
*bogus
COMMIT
RULES
ip netns exec fw iptables-restore <<'RULES'
*filter
hello
COMMIT
RULES
ip netns exec fw iptables-restore --noflush <<'RULES'
*filter
-A INPUT -j DROP
COMMIT
RULES
ip netns exec fw iptables -S
ip netns exec fw iptables-restore -c <<'RULES'
*filter
:INPUT DROP [5:500]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KEEP - [0:0]
[3:300] -A INPUT -j KEEP
-A KEEP -m comment --comment "kept by restore" -j ACCEPT
COMMIT
RULES
ip netns exec fw iptables -L INPUT -v -x -n
ip netns exec fw iptables-save
ip netns exec fw iptables-save -c
ip netns del fw
