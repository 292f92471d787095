package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code ping} (iputils 20221126, as root: a raw ICMP socket). It first connects a probe socket
 * to learn its source address, then sends a probe every interval; after the last probe it waits
 * {@code -W} when nothing came back yet, otherwise max(2 × the slowest reply, interval), and exits
 * early once every probe has a reply or an error.
 */
final class PingProcess {

  private final Engine engine;
  private final NetNamespace netns;
  private final PingOptions options;
  private final int id;
  private final Map<Integer, ProbeOutcome> outcomes = new TreeMap<>();
  private final Map<Integer, Long> sentAt = new TreeMap<>();
  private NetDevice boundDevice;
  private Ipv4Address boundAddress;
  private Ipv4Address source;
  private OutputRouting.Decision route;
  private long startNs;
  private long exitNs;
  private long slowestNs;
  private int received;
  private int errors;
  private boolean exited;
  private EventQueue.Event pendingTimer;

  PingProcess(Engine engine, NetNamespace netns, PingOptions options) {
    this.engine = engine;
    this.netns = netns;
    this.options = options;
    this.id = engine.nextPid() & 0xffff;
  }

  NetNamespace netns() {
    return netns;
  }

  int id() {
    return id;
  }

  Ipv4Address source() {
    return source;
  }

  boolean exited() {
    return exited;
  }

  long elapsedNs() {
    return exitNs - startNs;
  }

  /**
   * Binds (-I), connects the probe socket and schedules the first probe; returns the errno when
   * ping cannot even start (then nothing is sent).
   */
  Errno start() {
    startNs = engine.now();
    String bind = options.interfaceName();
    if (bind != null) {
      Optional<Ipv4Address> address = Ipv4Address.tryParse(bind);
      if (address.isPresent()) {
        if (!netns.fib().isLocal(address.get())) {
          return refuse(
              Errno.EADDRNOTAVAIL,
              null,
              "ping cannot bind to "
                  + bind
                  + ": it is not an address of "
                  + Texts.name(netns)
                  + ".");
        }
        boundAddress = address.get();
      } else {
        Optional<NetDevice> dev = netns.device(bind);
        if (dev.isEmpty()) {
          return refuse(
              Errno.ENODEV,
              null,
              "ping cannot bind to " + bind + ": " + Texts.name(netns) + " has no such device.");
        }
        boundDevice = dev.get();
      }
    }
    OutputRouting.Decision route =
        engine.outputRouting.decide(netns, options.destination(), boundAddress, boundDevice);
    if (route.kind() == OutputRouting.Kind.FAILED) {
      return refuse(
          route.error(),
          refusal(route.error()),
          "ping asks "
              + Texts.name(netns)
              + " for a route to "
              + options.destination()
              + ": "
              + route.why()
              + ", so connect() fails with "
              + route.error()
              + " ("
              + route.error().message()
              + ").");
    }
    if (route.kind() == OutputRouting.Kind.BROADCAST) {
      return refuse(
          Errno.EACCES,
          null,
          "ping asks for a route to "
              + options.destination()
              + ": "
              + route.why()
              + "; without -b ping refuses to ping a broadcast address.");
    }
    this.route = route;
    source = route.source();
    engine.sockets.addPing(this);
    probe(1);
    return null;
  }

  private Errno refuse(Errno errno, Disposition disposition, String sentence) {
    engine.end(null, Engine.at(netns), StepKind.ROUTE_LOOKUP, sentence, null, disposition);
    exited = true;
    exitNs = startNs;
    return errno;
  }

  /** The disposition that goes with a failed route lookup's errno. */
  static Disposition refusal(Errno errno) {
    return switch (errno) {
      case EINVAL -> Disposition.BLACKHOLE;
      case EHOSTUNREACH -> Disposition.UNREACHABLE_ROUTE;
      case EACCES -> Disposition.PROHIBITED_ROUTE;
      default -> Disposition.NO_ROUTE;
    };
  }

  /** Whether the raw socket sees this packet: a -I device or address narrows what it gets. */
  boolean accepts(NetDevice in, Ipv4Packet packet) {
    return !exited
        && (boundDevice == null || boundDevice == in)
        && (boundAddress == null || boundAddress.equals(packet.dst()));
  }

  private void probe(int seq) {
    if (exited) {
      return;
    }
    if (!engine.takePacket()) {
      stopSending(seq - 1);
      return;
    }
    Ipv4Address dst = options.destination();
    int length = Ipv4Packet.HEADER_LENGTH + IcmpMessage.HEADER_LENGTH + options.size();
    int mtu = engine.pipeline.pathMtu(netns, dst, route.device());
    boolean dontFragment =
        switch (options.pmtu()) {
          case DO -> true;
          case WANT -> length <= mtu;
          case DONT -> false;
        };
    Ipv4Packet packet =
        new Ipv4Packet(
            source,
            dst,
            options.ttl(),
            engine.nextIpId(),
            dontFragment,
            IcmpMessage.echoRequest(id, seq, options.size()));
    sentAt.put(seq, engine.now());
    Cause created =
        engine.step(
            null,
            Engine.at(netns),
            StepKind.PACKET_CREATED,
            "ping in "
                + Texts.name(netns)
                + " sends echo request icmp_seq="
                + seq
                + " (id "
                + id
                + ") to "
                + dst
                + ": "
                + length
                + " bytes, TTL "
                + options.ttl()
                + (dontFragment ? ", Don't Fragment set." : "."),
            packet);
    if (dontFragment && length > mtu) {
      engine.drop(
          created,
          Engine.at(netns),
          "The packet is "
              + length
              + " bytes but the path MTU toward "
              + dst
              + " is "
              + mtu
              + ", and -M do forbids fragments: sendmsg() fails with EMSGSIZE (message too long).",
          packet,
          Disposition.TOO_BIG);
      errors++;
      record(
          seq,
          new ProbeOutcome.Error(seq, source, ProbeOutcome.ErrorKind.LOCAL_MESSAGE_TOO_LONG, mtu));
    } else {
      engine.pipeline.sendLocal(route, packet, created);
    }
    if (exited) {
      return;
    }
    if (seq < options.count()) {
      pendingTimer =
          engine.timerAfter(options.intervalNs(), Engine.at(netns), created, () -> probe(seq + 1));
    } else {
      awaitLastAnswers(created);
    }
  }

  /** After the last probe: waits -W when nothing came back yet, else max(2 × slowest, interval). */
  private void awaitLastAnswers(Cause cause) {
    long wait = received > 0 ? Math.max(2 * slowestNs, options.intervalNs()) : options.timeoutNs();
    pendingTimer = engine.timerAfter(wait, Engine.at(netns), cause, this::exit);
  }

  /**
   * The run may send no more packets: ping sends nothing after probe {@code lastSent} and waits for
   * the answers still out, as after its last probe (or exits when it sent none).
   */
  private void stopSending(int lastSent) {
    if (lastSent == 0 || received + errors >= lastSent) {
      exit();
      return;
    }
    engine.step(
        null,
        Engine.at(netns),
        StepKind.DROP,
        "The run has sent all the packets it may, so ping sends no probe after icmp_seq="
            + lastSent
            + " and waits for the answers still out.",
        null);
    awaitLastAnswers(null);
  }

  void onReply(Ipv4Packet packet, IcmpMessage reply, Cause cause) {
    int seq = reply.sequence();
    if (!sentAt.containsKey(seq) || outcomes.containsKey(seq)) {
      engine.local.unsolicited(
          netns, packet, "ping has no probe icmp_seq=" + seq + " waiting", cause);
      return;
    }
    long rtt = engine.now() - sentAt.get(seq);
    slowestNs = Math.max(slowestNs, rtt);
    engine.end(
        cause,
        Engine.at(netns),
        StepKind.SOCKET_DELIVER,
        "ping receives the echo reply for icmp_seq="
            + seq
            + " from "
            + packet.src()
            + " after "
            + rtt / 1000
            + " µs.",
        packet,
        Disposition.DELIVERED);
    received++;
    record(
        seq,
        new ProbeOutcome.Reply(
            seq, packet.src(), packet.ttl(), IcmpMessage.HEADER_LENGTH + reply.dataLength(), rtt));
  }

  void onError(Ipv4Packet packet, IcmpMessage error, IcmpMessage probe, Cause cause) {
    int seq = probe.sequence();
    ProbeOutcome.ErrorKind kind = kindOf(error);
    if (kind == null || !sentAt.containsKey(seq) || outcomes.containsKey(seq)) {
      engine.local.unsolicited(netns, packet, "ping does not report this error", cause);
      return;
    }
    engine.end(
        cause,
        Engine.at(netns),
        StepKind.SOCKET_DELIVER,
        "ping receives the ICMP "
            + error.description()
            + " about icmp_seq="
            + seq
            + " from "
            + packet.src()
            + ".",
        packet,
        Disposition.DELIVERED);
    errors++;
    record(seq, new ProbeOutcome.Error(seq, packet.src(), kind, error.nextHopMtu()));
  }

  private static ProbeOutcome.ErrorKind kindOf(IcmpMessage error) {
    if (error.type() == IcmpMessage.TIME_EXCEEDED) {
      return ProbeOutcome.ErrorKind.TTL_EXCEEDED;
    }
    return switch (error.code()) {
      case IcmpMessage.CODE_NET_UNREACHABLE -> ProbeOutcome.ErrorKind.NET_UNREACHABLE;
      case IcmpMessage.CODE_HOST_UNREACHABLE -> ProbeOutcome.ErrorKind.HOST_UNREACHABLE;
      case 2 -> ProbeOutcome.ErrorKind.PROTOCOL_UNREACHABLE;
      case IcmpMessage.CODE_PORT_UNREACHABLE -> ProbeOutcome.ErrorKind.PORT_UNREACHABLE;
      case 9 -> ProbeOutcome.ErrorKind.NET_PROHIBITED;
      case 10 -> ProbeOutcome.ErrorKind.HOST_PROHIBITED;
      case IcmpMessage.CODE_FRAG_NEEDED -> ProbeOutcome.ErrorKind.FRAG_NEEDED;
      case IcmpMessage.CODE_ADMIN_PROHIBITED -> ProbeOutcome.ErrorKind.PROHIBITED;
      default -> null;
    };
  }

  private void record(int seq, ProbeOutcome outcome) {
    outcomes.put(seq, outcome);
    if (received + errors >= options.count()
        || (engine.budget().exhausted() != null && received + errors >= sentAt.size())) {
      exit();
    }
  }

  /** Stops the program (also when a storm ends the run); its pending timer goes with it. */
  void exit() {
    if (!exited) {
      exited = true;
      exitNs = engine.now();
      engine.sockets.removePing(this);
      if (pendingTimer != null) {
        engine.queue.cancel(pendingTimer);
      }
    }
  }

  /** One outcome per probe sent; a probe with neither reply nor error was lost. */
  List<ProbeOutcome> outcomes() {
    List<ProbeOutcome> all = new ArrayList<>();
    for (int seq : sentAt.keySet()) {
      all.add(outcomes.getOrDefault(seq, new ProbeOutcome.Lost(seq)));
    }
    return all;
  }
}
