package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptLine;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ShellSession;

/**
 * Command scripts that make the labs the round-trip tests use, and a way to run one in a fresh
 * simulated world: labs are made the way people make them, by typing commands.
 */
final class LabScripts {

  private LabScripts() {}

  /** Scenario 01: a veth pair made in the root namespace and moved into a and b. */
  static final String VETH_PAIR =
      """
      ip netns add a
      ip netns add b
      ip link add veth-a type veth peer name veth-b
      ip link set dev veth-a address 02:00:00:00:0a:01
      ip link set dev veth-b address 02:00:00:00:0b:01
      ip link set veth-a netns a
      ip link set veth-b netns b
      ip netns exec a ip link set lo up
      ip netns exec b ip link set lo up
      ip netns exec a ip addr add 10.0.0.1/24 dev veth-a
      ip netns exec b ip addr add 10.0.0.2/24 dev veth-b
      ip netns exec a ip link set veth-a up
      ip netns exec b ip link set veth-b up
      """;

  /**
   * Scenario 81: two bridge-mode macvlans on the parent eth0 (made in netns host), moved into a and
   * b; a private one stays beside the parent.
   */
  static final String MACVLANS =
      """
      ip netns add host
      ip netns add ext
      ip netns add a
      ip netns add b
      ip -n host link add eth0 type veth peer name eth0 netns ext
      ip -n host link set dev eth0 address 02:00:00:00:81:01
      ip -n ext link set dev eth0 address 02:00:00:00:81:fe
      ip -n host link add mv1 link eth0 type macvlan mode bridge
      ip -n host link add mv2 link eth0 type macvlan mode bridge
      ip -n host link add mv3 link eth0 type macvlan mode private
      ip -n host link set dev mv1 address 02:00:00:00:81:11
      ip -n host link set dev mv2 address 02:00:00:00:81:12
      ip -n host link set dev mv3 address 02:00:00:00:81:13
      ip -n host link set mv1 netns a
      ip -n host link set mv2 netns b
      ip -n host addr add 10.80.0.1/24 dev eth0
      ip -n ext addr add 10.80.0.254/24 dev eth0
      ip -n a addr add 10.80.0.11/24 dev mv1
      ip -n b addr add 10.80.0.12/24 dev mv2
      ip -n host link set eth0 up
      ip -n ext link set eth0 up
      ip -n a link set mv1 up
      ip -n b link set mv2 up
      ip -n host link set mv3 up
      """;

  /** Scenario 04: two namespaces on br0, whose address is their default gateway. */
  static final String BRIDGE_WITH_GATEWAY =
      """
      ip netns add c1
      ip netns add c2
      ip link add br0 type bridge
      ip link set dev br0 address 02:00:00:00:00:01
      ip addr add 172.16.100.1/24 dev br0
      ip link set br0 up
      ip link add veth-c1 type veth peer name eth0 netns c1
      ip link add veth-c2 type veth peer name eth0 netns c2
      ip link set dev veth-c1 address 02:00:00:00:01:01
      ip link set dev veth-c2 address 02:00:00:00:02:01
      ip netns exec c1 ip link set dev eth0 address 02:00:00:00:01:02
      ip netns exec c2 ip link set dev eth0 address 02:00:00:00:02:02
      ip link set veth-c1 master br0
      ip link set veth-c2 master br0
      ip link set veth-c1 up
      ip link set veth-c2 up
      ip netns exec c1 ip addr add 172.16.100.101/24 dev eth0
      ip netns exec c2 ip addr add 172.16.100.102/24 dev eth0
      ip netns exec c1 ip link set eth0 up
      ip netns exec c2 ip link set eth0 up
      ip netns exec c1 ip link set lo up
      ip netns exec c2 ip link set lo up
      ip netns exec c1 ip route add default via 172.16.100.1
      ip netns exec c2 ip route add default via 172.16.100.1 dev eth0
      """;

  /** A router namespace with ip_forward and static routes between a client and two servers. */
  static final String ROUTER =
      """
      ip netns add client
      ip netns add router
      ip netns add server
      ip link add c-eth0 type veth peer name r-eth0
      ip link add s-eth0 type veth peer name r-eth1
      ip link set dev c-eth0 address 02:00:00:00:01:02
      ip link set dev r-eth0 address 02:00:00:00:01:01
      ip link set dev r-eth1 address 02:00:00:00:02:01
      ip link set dev s-eth0 address 02:00:00:00:02:02
      ip link set c-eth0 netns client
      ip link set r-eth0 netns router
      ip link set r-eth1 netns router
      ip link set s-eth0 netns server
      ip netns exec client ip addr add 10.0.1.2/24 dev c-eth0
      ip netns exec router ip addr add 10.0.1.1/24 dev r-eth0
      ip netns exec router ip addr add 10.0.2.1/24 dev r-eth1
      ip netns exec server ip addr add 10.0.2.2/24 dev s-eth0
      ip netns exec server ip addr add 198.51.100.7/32 dev s-eth0
      ip netns exec client ip link set c-eth0 up
      ip netns exec router ip link set r-eth0 up
      ip netns exec router ip link set r-eth1 up
      ip netns exec server ip link set s-eth0 up
      ip netns exec client ip route add default via 10.0.1.1
      ip netns exec server ip route add default via 10.0.2.1
      ip netns exec router ip route add 198.51.100.0/24 via 10.0.2.2 proto static
      ip netns exec router ip route add 203.0.113.0/24 via 10.0.2.2 dev r-eth1 metric 100
      ip netns exec router ip route add blackhole 192.0.2.0/24
      ip netns exec router sysctl -w net.ipv4.ip_forward=1
      """;

  /** Permanent neighbours, static FDB entries, a hairpin port and non-default sysctls. */
  /** The router with Docker-style rules in filter and nat, restored and typed. */
  static final String ROUTER_WITH_RULES =
      ROUTER
          + """
          ip netns exec router iptables-restore <<'EOF'
          *nat
          :PREROUTING ACCEPT [0:0]
          :INPUT ACCEPT [0:0]
          :OUTPUT ACCEPT [0:0]
          :POSTROUTING ACCEPT [0:0]
          :DOCKER - [0:0]
          -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
          -A POSTROUTING -s 10.0.1.0/24 ! -o r-eth0 -j MASQUERADE
          -A DOCKER -p tcp -m tcp --dport 8543 -j DNAT --to-destination 192.0.2.10:8888
          COMMIT
          EOF
          ip netns exec router iptables -P FORWARD DROP
          ip netns exec router iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
          ip netns exec router iptables -A FORWARD -m comment --comment "clients out" -i r-eth0 -j ACCEPT
          """;

  static final String STATIC_ENTRIES =
      """
      ip netns add a
      ip netns add b
      ip link add br0 type bridge
      ip link add veth-a type veth peer name eth0 netns a
      ip link add veth-b type veth peer name eth0 netns b
      ip link set dev veth-a address 02:00:00:00:0a:01
      ip link set dev veth-b address 02:00:00:00:0b:01
      ip netns exec a ip link set dev eth0 address 02:00:00:00:0a:02
      ip netns exec b ip link set dev eth0 address 02:00:00:00:0b:02
      ip link set veth-a master br0
      ip link set veth-b master br0
      bridge link set dev veth-a hairpin on
      ip link set br0 up
      ip link set veth-a up
      ip link set veth-b up
      ip netns exec a ip addr add 10.44.0.1/24 dev eth0
      ip netns exec b ip addr add 10.44.0.2/24 dev eth0
      ip netns exec a ip link set eth0 up
      ip netns exec b ip link set eth0 up
      ip netns exec a ip neigh add 10.44.0.2 lladdr 02:00:00:00:0b:02 dev eth0 nud permanent
      ip netns exec a ip neigh add 10.44.0.9 lladdr 02:00:00:00:0b:09 dev eth0 nud noarp
      ip netns exec b ip neigh add proxy 10.44.0.77 dev eth0
      bridge fdb add 02:00:00:00:0a:02 dev veth-a master static
      bridge fdb add 02:00:00:00:0b:02 dev veth-b master static
      ip netns exec a sysctl -w net.ipv4.conf.eth0.rp_filter=1
      ip netns exec b sysctl -w net.ipv4.conf.all.arp_ignore=1
      ip netns exec b sysctl -w net.ipv4.conf.eth0.proxy_arp=1
      sysctl -w net.bridge.bridge-nf-call-iptables=0
      """;

  /**
   * Two hosts made with {@code pw}, their eth0 NICs on one underlay switch; host2 holds a pod
   * namespace behind a veth pair and forwards for it, host1 reaches the pod by a route via host2
   * (flannel's host-gw way). host2's second NIC, eth1, is up but plugged into nothing.
   */
  static final String TWO_HOSTS =
      """
      pw host add host2
      pw switch add sw0
      pw nic add host1 eth0 switch sw0 address 02:00:00:00:01:01
      pw nic add host2 eth0 switch sw0 address 02:00:00:00:02:01
      ip addr add 10.0.0.1/24 dev eth0
      ip link set eth0 up
      ip route add 10.244.2.0/24 via 10.0.0.2
      pw use host2
      ip addr add 10.0.0.2/24 dev eth0
      ip link set eth0 up
      pw nic add host2 eth1 address 02:00:00:00:02:09
      ip link set eth1 up
      sysctl -w net.ipv4.ip_forward=1
      ip netns add pod
      ip link add veth-pod type veth peer name eth0 netns pod
      ip link set dev veth-pod address 02:00:00:00:02:02
      ip netns exec pod ip link set dev eth0 address 02:00:00:00:02:03
      ip addr add 10.244.2.1/24 dev veth-pod
      ip link set veth-pod up
      ip netns exec pod ip link set lo up
      ip netns exec pod ip addr add 10.244.2.2/24 dev eth0
      ip netns exec pod ip link set eth0 up
      ip netns exec pod ip route add default via 10.244.2.1
      pw use host1
      """;

  /** Runs {@code script} in a fresh world, requiring every command to succeed. */
  static World run(String script) {
    ShellSession shell = new ShellSession(World.withOneHost());
    for (ScriptLine line : ScriptParser.parseScript(script)) {
      NetNamespace root = shell.currentHost().root();
      CommandOutcome outcome = shell.execute(root, line.text(), line.line());
      assertThat(outcome.exit())
          .as("line %d `%s`: %s", line.line(), outcome.cmd(), outcome.stderr())
          .isZero();
    }
    return shell.world();
  }
}
