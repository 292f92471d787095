package io.packetwalk.bench;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The command scripts the benchmarks build their worlds from. Every script runs unchanged under
 * bash as root in real network namespaces, and every line must succeed: a benchmark that measured
 * failing commands would measure error paths.
 */
public final class BenchLabs {

  /** The address ping targets in {@link #threeNamespacesOnABridge()}. */
  public static final String THREE_NAMESPACES_TARGET = "10.0.0.3";

  private BenchLabs() {}

  /**
   * Three namespaces, each with a veth into bridge {@code br0} in the root namespace (the layout
   * Docker gives containers on one network). A ping from ns1 to ns3 crosses ns1, the root namespace
   * with its bridge, and ns3.
   */
  public static String threeNamespacesOnABridge() {
    return namespacesOnABridge(3, "ns");
  }

  /**
   * {@code count} namespaces {@code PREFIX1}…{@code PREFIXcount}, each with a veth pair whose host
   * end ({@code vethI}) is a port of bridge {@code br0} in the root namespace and whose other end
   * ({@code ceI}) is moved into the namespace and given {@code 10.0.H.L/16}, where {@code H.L} is
   * {@code I} in base 256. Everything is brought up, loopbacks included.
   */
  public static String namespacesOnABridge(int count, String prefix) {
    if (count < 1 || count > 65_000) {
      throw new IllegalArgumentException("namespace count " + count + " is not in 1..65000");
    }
    StringBuilder script = new StringBuilder();
    script.append("ip link add br0 type bridge\n");
    script.append("ip link set br0 up\n");
    for (int i = 1; i <= count; i++) {
      String netns = prefix + i;
      String host = "veth" + i;
      String inside = "ce" + i;
      script.append("ip netns add ").append(netns).append('\n');
      script.append("ip link add ").append(host).append(" type veth peer name ").append(inside);
      script.append('\n');
      script.append("ip link set ").append(host).append(" master br0\n");
      script.append("ip link set ").append(host).append(" up\n");
      script.append("ip link set ").append(inside).append(" netns ").append(netns).append('\n');
      script.append(inNetns(netns, "ip link set lo up"));
      script.append(inNetns(netns, "ip addr add " + address(i) + "/16 dev " + inside));
      script.append(inNetns(netns, "ip link set " + inside + " up"));
    }
    return script.toString();
  }

  /** The address {@link #namespacesOnABridge} gives the {@code index}-th namespace. */
  public static String address(int index) {
    return "10.0." + (index / 256) + "." + (index % 256);
  }

  /**
   * A root namespace with a veth pair veth0/veth1, both up, veth0 holding {@code 192.168.0.2/24} (a
   * veth rather than a dummy, which needs a kernel module), a default route via 192.168.0.1 and
   * {@code count} further routes {@code 10.H.L.0/24 via 192.168.0.1}, one per {@code I} in
   * 0…count-1 ({@code H.L} is {@code I} in base 256), in ascending order.
   */
  public static String routeTable(int count) {
    if (count < 0 || count > 65_536) {
      throw new IllegalArgumentException("route count " + count + " is not in 0..65536");
    }
    StringBuilder script = new StringBuilder();
    script.append("ip link add veth0 type veth peer name veth1\n");
    script.append("ip link set veth0 up\n");
    script.append("ip link set veth1 up\n");
    script.append("ip addr add 192.168.0.2/24 dev veth0\n");
    script.append("ip route add default via 192.168.0.1\n");
    for (int i = 0; i < count; i++) {
      script.append("ip route add 10.").append(i / 256).append('.');
      script.append(i % 256).append(".0/24 via 192.168.0.1\n");
    }
    return script.toString();
  }

  /**
   * The first lines of {@code /work/shared/tools/gen-kubeproxy.py}'s script for {@code endpoints}
   * endpoints: namespaces {@code node} and {@code pods} joined by a veth pair, the pods' endpoint
   * addresses {@code 10.180.0.1…}, node's {@code 10.180.0.254/24} and default route. (The
   * generator's listener and probes are left out; the benchmarks send their own packets.)
   */
  public static String kubeProxyNodes(int endpoints) {
    StringBuilder script = new StringBuilder();
    script.append("ip netns add node\nip netns add pods\n");
    script.append("ip -n node link add eth0 type veth peer name eth0 netns pods\n");
    script.append("ip -n node link set eth0 address 02:00:00:00:01:01\n");
    script.append("ip -n pods link set eth0 address 02:00:00:00:02:01\n");
    script.append("ip -n node addr add 10.180.0.254/24 dev eth0\n");
    for (int k = 0; k < endpoints; k++) {
      script.append("ip -n pods addr add ").append(kubeEndpoint(k)).append("/24 dev eth0\n");
    }
    script.append("ip -n node link set eth0 up\nip -n pods link set eth0 up\n");
    script.append("ip -n node link set lo up\nip -n node route add default via 10.180.0.1\n");
    script.append("ip -n pods link set lo up\n");
    return script.toString();
  }

  /**
   * The iptables-restore input (the here-document's body, {@code *nat} to {@code COMMIT}) that
   * {@code gen-kubeproxy.py S E P SEED} writes for {@code services} Services of {@code endpoints}
   * endpoints each: a Java port of the generator, line for line (chain names are the same
   * SHA-256/base32 hashes; checked identical with {@code diff} against the Python output for 10 and
   * 10,000 Services × 5 endpoints). kube-proxy's shape: one KUBE-SERVICES rule per Service ({@code
   * -d SVCIP/32 -p tcp -m comment … -m tcp --dport 80 -j KUBE-SVC-…}), each KUBE-SVC chain
   * splitting with {@code -m statistic --mode random}, each KUBE-SEP chain marking hairpin traffic
   * and DNATing. {@code 1 + 7 + 1 + S·(1 + E) + 7 + S·(1 + 3E) + 1} lines.
   */
  public static String kubeProxyRestore(int services, int endpoints) {
    if (services < 1 || services > 10_000 || endpoints < 1 || endpoints > 250) {
      throw new IllegalArgumentException(services + " × " + endpoints + " is too many");
    }
    StringBuilder out = new StringBuilder(services * endpoints * 400);
    out.append("*nat\n");
    for (String c :
        List.of("PREROUTING ACCEPT", "INPUT ACCEPT", "OUTPUT ACCEPT", "POSTROUTING ACCEPT")) {
      out.append(':').append(c).append(" [0:0]\n");
    }
    out.append(":KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n");
    StringBuilder rules = new StringBuilder(services * endpoints * 300);
    for (int i = 0; i < services; i++) {
      String name = "ns" + (i % 50) + "/svc" + i + ":p80";
      String svc = "KUBE-SVC-" + kubeHash(name + "tcp");
      out.append(':').append(svc).append(" - [0:0]\n");
      rules.append("-A KUBE-SERVICES -d ").append(kubeServiceIp(i)).append("/32 -p tcp -m comment");
      rules.append(" --comment \"").append(name).append(" cluster IP\" -m tcp --dport 80 -j ");
      rules.append(svc).append('\n');
      for (int k = 0; k < endpoints; k++) {
        String ep = kubeEndpoint(k);
        String sep = "KUBE-SEP-" + kubeHash(name + "tcp" + ep);
        out.append(':').append(sep).append(" - [0:0]\n");
        String prob =
            k < endpoints - 1
                ? String.format(
                    java.util.Locale.ROOT,
                    " -m statistic --mode random --probability %.11f",
                    1.0 / (endpoints - k))
                : "";
        rules.append("-A ").append(svc).append(" -m comment --comment \"").append(name);
        rules.append(" -> ").append(ep).append(":80\"").append(prob).append(" -j ").append(sep);
        rules.append('\n');
        rules.append("-A ").append(sep).append(" -s ").append(ep).append("/32 -m comment");
        rules.append(" --comment \"").append(name).append("\" -j KUBE-MARK-MASQ\n");
        rules.append("-A ").append(sep).append(" -p tcp -m comment --comment \"").append(name);
        rules.append("\" -m tcp -j DNAT --to-destination ").append(ep).append(":80\n");
      }
    }
    out.append(
        """
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
        -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
        -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" \
        -j MASQUERADE
        """);
    out.append(rules);
    out.append("COMMIT\n");
    return out.toString();
  }

  /** The generator's {@code svc_ip(i)}: {@code 172.30.(i / 250).(i % 250 + 1)}. */
  public static String kubeServiceIp(int service) {
    return "172.30." + (service / 250) + "." + (service % 250 + 1);
  }

  /** The generator's k-th endpoint address, {@code 10.180.0.(k + 1)}. */
  public static String kubeEndpoint(int index) {
    return "10.180.0." + (index + 1);
  }

  /** The generator's {@code h(s)}: the first 16 characters of base32(SHA-256(s)). */
  private static String kubeHash(String text) {
    byte[] digest;
    try {
      digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder(16);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; out.length() < 16; i++) {
      buffer = (buffer << 8) | (digest[i] & 0xff);
      bits += 8;
      while (bits >= 5 && out.length() < 16) {
        out.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return out.toString();
  }

  private static String inNetns(String netns, String command) {
    return "ip netns exec " + netns + " " + command + "\n";
  }

  /**
   * A shell over a fresh world that has run {@code script} line by line in the root namespace of
   * the session's current host (which {@code pw use} changes).
   */
  public static ShellSession build(String script) {
    ShellSession shell = new ShellSession(World.withOneHost());
    List<CommandOutcome> outcomes = new ArrayList<>();
    for (String line : script.lines().toList()) {
      outcomes.add(shell.execute(shell.currentHost().root(), line, outcomes.size() + 1));
    }
    requireSuccess(outcomes);
    return shell;
  }

  /** Fails, naming the first failed command and how many failed, when any command failed. */
  public static void requireSuccess(List<CommandOutcome> outcomes) {
    List<CommandOutcome> failed = outcomes.stream().filter(o -> o.exit() != 0).toList();
    if (!failed.isEmpty()) {
      CommandOutcome first = failed.getFirst();
      throw new IllegalStateException(
          failed.size()
              + " command(s) of the benchmark script failed; the first, line "
              + first.line()
              + " ("
              + first.cmd()
              + "), exited "
              + first.exit()
              + ": "
              + first.stderr().strip());
    }
  }

  /** The named namespace, which the script must have created. */
  public static NetNamespace netns(World world, String name) {
    return world
        .defaultHost()
        .netns(name)
        .orElseThrow(() -> new IllegalStateException("the script made no namespace " + name));
  }

  /** The pod every flannel benchmark probe starts from (host 1, pod 1). */
  public static final String FLANNEL_FROM_HOST = "node1";

  /**
   * Flannel's VXLAN backend on {@code hosts} hosts made with {@code pw} (one underlay switch, eth0
   * on 192.168.0.0/16), each with a cni0 bridge and {@code pods} pods (10.244.H.0/24) and a
   * flannel.1 VTEP (VNI 1, port 8472, nolearning) holding, for every other host, the route via its
   * SUBNET.0, the permanent neighbour and the self FDB entry flanneld installs.
   */
  public static String flannelVxlan(int hosts, int pods) {
    StringBuilder out = new StringBuilder("pw switch add underlay\n");
    for (int h = 1; h <= hosts; h++) {
      String on = "";
      out.append("pw host add node").append(h).append('\n');
      out.append("pw nic add node").append(h).append(" eth0 switch underlay\n");
      out.append("pw use node").append(h).append('\n');
      out.append(on).append("ip addr add ").append(flannelNode(h)).append("/16 dev eth0\n");
      out.append(on).append("ip link set eth0 up\n");
      out.append(on).append("sysctl -q -w net.ipv4.ip_forward=1\n");
      out.append(on).append("ip link add cni0 type bridge\n");
      out.append(on).append("ip addr add 10.244.").append(h).append(".1/24 dev cni0\n");
      out.append(on).append("ip link set cni0 up\n");
      for (int p = 1; p <= pods; p++) {
        String pod = "pod" + p;
        out.append(on).append("ip netns add ").append(pod).append('\n');
        out.append(on)
            .append("ip link add veth")
            .append(p)
            .append(" type veth peer name eth0 netns ")
            .append(pod)
            .append('\n');
        out.append(on).append("ip link set veth").append(p).append(" master cni0\n");
        out.append(on).append("ip link set veth").append(p).append(" up\n");
        out.append(on)
            .append("ip -n ")
            .append(pod)
            .append(" addr add 10.244.")
            .append(h)
            .append('.')
            .append(p + 1)
            .append("/24 dev eth0\n");
        out.append(on).append("ip -n ").append(pod).append(" link set eth0 up\n");
        out.append(on)
            .append("ip -n ")
            .append(pod)
            .append(" route add default via 10.244.")
            .append(h)
            .append(".1\n");
      }
      out.append(on)
          .append("ip link add flannel.1 type vxlan id 1 local ")
          .append(flannelNode(h))
          .append(" dev eth0 nolearning dstport 8472\n");
      out.append(on).append("ip link set flannel.1 address ").append(flannelMac(h)).append('\n');
      out.append(on).append("ip addr add 10.244.").append(h).append(".0/32 dev flannel.1\n");
      out.append(on).append("ip link set flannel.1 up\n");
      for (int o = 1; o <= hosts; o++) {
        if (o == h) {
          continue;
        }
        out.append(on)
            .append("ip route add 10.244.")
            .append(o)
            .append(".0/24 via 10.244.")
            .append(o)
            .append(".0 dev flannel.1 onlink\n");
        out.append(on)
            .append("ip neigh add 10.244.")
            .append(o)
            .append(".0 lladdr ")
            .append(flannelMac(o))
            .append(" dev flannel.1 nud permanent\n");
        out.append(on)
            .append("bridge fdb append ")
            .append(flannelMac(o))
            .append(" dev flannel.1 dst ")
            .append(flannelNode(o))
            .append(" self permanent\n");
      }
    }
    return out.toString();
  }

  /**
   * {@code hosts} hosts on one underlay switch (host1, the world's first, and {@code pw host add}
   * host2…), each with eth0 on the switch ({@link #flannelNode}{@code /16}), forwarding on, a cni0
   * bridge holding 10.244.H.1/24 and {@code pods} pods (pod1…, {@code 10.244.H.(p + 1)/24}, default
   * route via cni0) on veth pairs into cni0: {@code hosts × (pods + 1)} namespaces. Host 1 and the
   * last host also route each other's pod subnet over the underlay (host-gw style), so a pod of the
   * first host reaches a pod of the last.
   */
  public static String podsOnHosts(int hosts, int pods) {
    StringBuilder out = new StringBuilder("pw switch add underlay\n");
    for (int h = 1; h <= hosts; h++) {
      String host = "host" + h;
      if (h > 1) {
        out.append("pw host add ").append(host).append('\n');
      }
      out.append("pw nic add ").append(host).append(" eth0 switch underlay\n");
      out.append("pw use ").append(host).append('\n');
      out.append("ip addr add ").append(flannelNode(h)).append("/16 dev eth0\n");
      out.append("ip link set eth0 up\n");
      out.append("sysctl -q -w net.ipv4.ip_forward=1\n");
      out.append("ip link add cni0 type bridge\n");
      out.append("ip addr add 10.244.").append(h).append(".1/24 dev cni0\n");
      out.append("ip link set cni0 up\n");
      for (int p = 1; p <= pods; p++) {
        String pod = "pod" + p;
        out.append("ip netns add ").append(pod).append('\n');
        out.append("ip link add veth").append(p).append(" type veth peer name eth0 netns ");
        out.append(pod).append('\n');
        out.append("ip link set veth").append(p).append(" master cni0\n");
        out.append("ip link set veth").append(p).append(" up\n");
        out.append("ip -n ").append(pod).append(" addr add ").append(podAddress(h, p));
        out.append("/24 dev eth0\n");
        out.append("ip -n ").append(pod).append(" link set eth0 up\n");
        out.append("ip -n ").append(pod).append(" route add default via 10.244.");
        out.append(h).append(".1\n");
      }
      int peer = h == 1 ? hosts : h == hosts ? 1 : 0;
      if (peer != 0 && hosts > 1) {
        out.append("ip route add 10.244.").append(peer).append(".0/24 via ");
        out.append(flannelNode(peer)).append('\n');
      }
    }
    return out.toString();
  }

  /** The address {@link #podsOnHosts} gives pod {@code p} of host {@code h}. */
  public static String podAddress(int h, int p) {
    return "10.244." + h + "." + (p + 1);
  }

  /** Host {@code h}'s underlay address. */
  public static String flannelNode(int h) {
    return "192.168." + (h / 256) + "." + (h % 256);
  }

  /** Host {@code h}'s flannel.1 MAC (locally administered, unique per host). */
  public static String flannelMac(int h) {
    return String.format("0e:00:00:00:%02x:%02x", h / 256, h % 256);
  }

  /** Namespace {@code name} of host {@code host} (the empty name: its root). */
  public static NetNamespace netns(World world, String host, String name) {
    return world
        .host(host)
        .flatMap(h -> h.netns(name))
        .orElseThrow(() -> new IllegalStateException("no namespace " + name + " on " + host));
  }
}
