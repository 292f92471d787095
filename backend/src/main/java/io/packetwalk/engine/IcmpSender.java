package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * icmp_send: the kernel's ICMP errors and echo replies. Errors are never sent about ICMP errors or
 * to sources that are no single host; the source address is the one the offending packet was sent
 * to when it was for us, otherwise whatever routing picks toward the sender. Destination
 * unreachable and time exceeded are rate-limited per destination host as icmpv4_xrlim_allow does (a
 * token bucket of 1 s per message, bursts of 6), except toward ourselves through lo and for
 * "fragmentation needed", which path-MTU discovery depends on.
 */
final class IcmpSender {

  static final long RATE_LIMIT_NS = 1_000_000_000L;
  static final int BURST = 6;
  static final long JIFFY_NS = 1_000_000L;
  static final int DEFAULT_TTL = 64;

  private final Engine engine;

  /** Per namespace and peer: [tokens in ns, time of last refill]. */
  private final Map<NetNamespace, Map<Ipv4Address, long[]>> buckets = new WeakHashMap<>();

  IcmpSender(Engine engine) {
    this.engine = engine;
  }

  /**
   * Reports {@code offending} back to its source. {@code forUs} says the offending packet was
   * addressed to this namespace (its destination becomes the error's source).
   */
  void sendError(
      NetNamespace ns,
      Ipv4Packet offending,
      int type,
      int code,
      int mtu,
      boolean forUs,
      Cause cause) {
    Ipv4Address to = offending.src();
    if (offending.payload() instanceof IcmpMessage icmp && icmp.isError()) {
      engine.step(
          cause,
          Engine.at(ns),
          StepKind.ICMP_SENT,
          Texts.name(ns) + " never answers an ICMP error with another one, so nothing is sent.",
          offending);
      return;
    }
    if (to.isZero() || to.isMulticast() || to.isLimitedBroadcast()) {
      return;
    }
    OutputRouting.Decision route =
        engine.outputRouting.decide(ns, to, forUs ? offending.dst() : null, null);
    if (!route.canSend()) {
      engine.step(
          cause,
          Engine.at(ns),
          StepKind.ICMP_SENT,
          Texts.name(ns)
              + " would send an ICMP error to "
              + to
              + ", but "
              + route.why()
              + ", so none is sent.",
          offending);
      return;
    }
    boolean pmtuDiscovery =
        type == IcmpMessage.DEST_UNREACHABLE && code == IcmpMessage.CODE_FRAG_NEEDED;
    if (route.kind() != OutputRouting.Kind.LOCAL && !pmtuDiscovery && !allow(ns, to)) {
      engine.step(
          cause,
          Engine.at(ns),
          StepKind.ICMP_SENT,
          Texts.name(ns)
              + " has sent "
              + to
              + " too many ICMP errors lately (icmp_ratelimit: 1 per second, bursts of 6), so this"
              + " one is suppressed.",
          offending);
      return;
    }
    IcmpMessage error = IcmpMessage.error(type, code, offending, mtu);
    Ipv4Packet packet =
        new Ipv4Packet(route.source(), to, DEFAULT_TTL, engine.nextIpId(), false, error);
    Cause sent =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.ICMP_SENT,
            Texts.name(ns)
                + " sends ICMP "
                + error.description()
                + (mtu > 0 ? " (mtu " + mtu + ")" : "")
                + " from "
                + route.source()
                + " to "
                + to
                + ".",
            packet);
    engine.pipeline.sendLocal(route, packet, sent);
  }

  /** icmp_reply: answers an echo request from the address it was sent to. */
  void sendEchoReply(NetNamespace ns, Ipv4Packet request, IcmpMessage echo, Cause cause) {
    OutputRouting.Decision route =
        engine.outputRouting.decide(ns, request.src(), request.dst(), null);
    Ipv4Packet reply =
        new Ipv4Packet(
            request.dst(),
            request.src(),
            DEFAULT_TTL,
            engine.nextIpId(),
            false,
            IcmpMessage.echoReply(echo));
    if (!route.canSend()) {
      engine.drop(
          cause,
          Engine.at(ns),
          Texts.name(ns)
              + " would answer the echo request, but "
              + route.why()
              + ": no route back to "
              + request.src()
              + ".",
          reply,
          Disposition.NO_ROUTE);
      return;
    }
    Cause sent =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.ICMP_SENT,
            Texts.name(ns)
                + " answers with an echo reply from "
                + request.dst()
                + " to "
                + request.src()
                + ".",
            reply);
    engine.pipeline.sendLocal(route, reply, sent);
  }

  /**
   * inet_peer_xrlim_allow: a new peer starts with a full bucket of {@link #BURST} tokens. Time is
   * counted in whole jiffies (1 ms), as the kernel counts it.
   */
  private boolean allow(NetNamespace ns, Ipv4Address peer) {
    long jiffies = engine.now() / JIFFY_NS * JIFFY_NS;
    long[] bucket =
        buckets
            .computeIfAbsent(ns, k -> new TreeMap<>())
            .computeIfAbsent(peer, k -> new long[] {BURST * RATE_LIMIT_NS, jiffies});
    long tokens = Math.min(BURST * RATE_LIMIT_NS, bucket[0] + jiffies - bucket[1]);
    bucket[1] = jiffies;
    if (tokens < RATE_LIMIT_NS) {
      bucket[0] = tokens;
      return false;
    }
    bucket[0] = tokens - RATE_LIMIT_NS;
    return true;
  }
}
