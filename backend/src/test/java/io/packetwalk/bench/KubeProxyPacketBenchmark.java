package io.packetwalk.bench;

import io.packetwalk.engine.HookDriver;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.TcpSegment.Flag;
import io.packetwalk.shell.netfilter.RestoreDriver;
import io.packetwalk.stream.TraceBytes;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Netfilter at kube-proxy scale (issue 8): namespace {@code node} holds the nat table {@link
 * BenchLabs#kubeProxyRestore} makes for {@code services} Services × 5 endpoints, restored through
 * iptables-restore's code path, and packets run through node's hooks with {@link HookDriver} (no
 * routing or links around them, no trace).
 *
 * <ul>
 *   <li>{@code firstPacket}: the SYN of a new connection from node to a Service IP (one of {@code
 *       targets}, drawn with a fixed seed) through the OUTPUT hook: conntrack creates the entry,
 *       the packet walks nat OUTPUT → KUBE-SERVICES → KUBE-SVC-… (statistic) → KUBE-SEP-… → DNAT,
 *       NAT binds the connection and rewrites the packet. The entry is never confirmed, so the
 *       conntrack table does not grow.
 *   <li>{@code firstPacketPrerouting}: the same from a client outside the node ({@code
 *       198.51.100.7}) arriving on eth0, through the PREROUTING hook, as the figure names
 *       it: nat PREROUTING → KUBE-SERVICES → … → DNAT.
 *   <li>{@code establishedPacket}: a data segment of a connection that went through the handshake
 *       (SYN out, SYN-ACK in, ACK out) through OUTPUT and POSTROUTING: conntrack finds the entry
 *       and NAT rewrites the destination from it.
 * </ul>
 *
 * <p>Mode SampleTime, so JMH reports percentiles (p99 is the goal's figure). The {@code @Setup}
 * prints the size of the first packet's trace, with recording on, in steps and JSON bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class KubeProxyPacketBenchmark {

  private static final int ENDPOINTS = 5;
  private static final Ipv4Address NODE = Ipv4Address.parse("10.180.0.254");
  private static final Ipv4Address CLIENT = Ipv4Address.parse("198.51.100.7");

  @Param({"10", "10000"})
  public int services;

  /**
   * How many different Services the first packets go to, in turn (a power of two up to 1,024): 1
   * shows the walk's cost with everything it touches in the CPU's caches; 8 compares 10 and 10,000
   * Services on the same working set; 1,024 spreads the walks over more memory than the caches and
   * the TLB hold, which only a large ruleset can.
   */
  @Param({"8", "1024"})
  public int targets;

  private HookDriver hooks;
  private NetNamespace node;
  private NetDevice eth0;
  private Ipv4Packet[] syns;
  private Ipv4Packet[] received;
  private int next;
  private Ipv4Packet data;

  @Setup
  public void build() {
    World world = BenchLabs.build(BenchLabs.kubeProxyNodes(ENDPOINTS)).world();
    node = BenchLabs.netns(world, "node");
    eth0 = node.device("eth0").orElseThrow();
    RestoreDriver.restore(node.netfilter(), BenchLabs.kubeProxyRestore(services, ENDPOINTS));
    hooks = new HookDriver(world);
    SplittableRandom random = new SplittableRandom(8);
    syns = new Ipv4Packet[1024];
    received = new Ipv4Packet[1024];
    for (int i = 0; i < syns.length; i++) {
      Ipv4Address service = Ipv4Address.parse(BenchLabs.kubeServiceIp(random.nextInt(services)));
      syns[i] = tcp(NODE, 40000 + i, service, 80, Set.of(Flag.SYN), 0);
      received[i] = tcp(CLIENT, 40000 + i, service, 80, Set.of(Flag.SYN), 0);
    }
    requireEndpoint(hooks.output(node, eth0, syns[0]));
    requireEndpoint(hooks.prerouting(node, eth0, received[0]));
    printFirstPacketTrace();
    data = establish();
  }

  /** The first packet's trace with recording on: its steps and bytes on the stream. */
  private void printFirstPacketTrace() {
    hooks.trace(true);
    requireEndpoint(hooks.output(node, eth0, syns[1]));
    Trace trace = hooks.lastTrace();
    hooks.trace(false);
    long text = 0;
    for (Step step : trace.steps()) {
      text += step.sentence().length() + String.join("\n", step.details()).length();
    }
    System.out.println(
        "first packet, "
            + services
            + " Services: "
            + trace.size()
            + " steps, "
            + TraceBytes.json(trace)
            + " bytes of traceStep JSON, "
            + text
            + " characters of sentences and details");
  }

  /** SYN out, SYN-ACK in, ACK out; returns a data segment of the connection. */
  private Ipv4Packet establish() {
    Ipv4Address service = syns[2].dst();
    Ipv4Packet syn = tcp(NODE, 33000, service, 80, Set.of(Flag.SYN), 0);
    Ipv4Packet sent = requireEndpoint(hooks.send(node, eth0, syn));
    Ipv4Packet synAck = tcp(sent.dst(), 80, NODE, 33000, Set.of(Flag.SYN, Flag.ACK), 0);
    Ipv4Packet answered = hooks.receive(node, eth0, synAck);
    if (answered == null || !answered.src().equals(service)) {
      throw new IllegalStateException("the SYN-ACK did not come back from the Service address");
    }
    requireEndpoint(hooks.send(node, eth0, tcp(NODE, 33000, service, 80, Set.of(Flag.ACK), 0)));
    Ipv4Packet segment = tcp(NODE, 33000, service, 80, Set.of(Flag.ACK, Flag.PSH), 100);
    requireEndpoint(hooks.send(node, eth0, segment));
    return segment;
  }

  private static Ipv4Packet tcp(
      Ipv4Address src, int sport, Ipv4Address dst, int dport, Set<Flag> flags, int dataLength) {
    return new Ipv4Packet(
        src,
        dst,
        64,
        1,
        true,
        new TcpSegment(sport, dport, flags, 1, 0, dataLength, TcpSegment.TIMESTAMP_OPTIONS));
  }

  private static Ipv4Packet requireEndpoint(Ipv4Packet packet) {
    if (packet == null
        || !packet.dst().toString().startsWith("10.180.0.")
        || !(packet.payload() instanceof TcpSegment tcp)
        || tcp.dstPort() != 80) {
      throw new IllegalStateException("the packet was not DNATed to an endpoint: " + packet);
    }
    return packet;
  }

  @Benchmark
  public Ipv4Packet firstPacket() {
    return hooks.output(node, eth0, syns[next++ & (targets - 1)]);
  }

  @Benchmark
  public Ipv4Packet firstPacketPrerouting() {
    return hooks.prerouting(node, eth0, received[next++ & (targets - 1)]);
  }

  @Benchmark
  public Ipv4Packet establishedPacket() {
    return hooks.send(node, eth0, data);
  }
}
