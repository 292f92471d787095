package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.ConntrackEntry.TcpState;
import io.packetwalk.kernel.netfilter.ConntrackTable;
import io.packetwalk.kernel.netfilter.CtInfo;
import io.packetwalk.kernel.netfilter.CtTuple;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.TcpSegment.Flag;
import java.util.Optional;

/**
 * Connection tracking (nf_conntrack_in at the -200 hooks, nf_confirm at the last one): finds or
 * creates the packet's entry, says how the packet relates to it, follows TCP's states, sets
 * timeouts, and inserts a new entry only when its first packet has passed every hook.
 */
final class Conntracker {

  private static final long SECOND_NS = 1_000_000_000L;
  static final int ICMP_TIMEOUT_S = 30;
  static final int UDP_TIMEOUT_S = 30;
  static final int UDP_STREAM_TIMEOUT_S = 120;

  /** What the lookup found, for the trace. */
  record Lookup(CtInfo info, ConntrackEntry entry, boolean created, String why, String before) {

    Lookup(CtInfo info, ConntrackEntry entry, boolean created, String why) {
      this(info, entry, created, why, null);
    }
  }

  private final Engine engine;

  Conntracker(Engine engine) {
    this.engine = engine;
  }

  /** nf_conntrack_in: attaches the packet to its connection (a new one if none). */
  Lookup in(NetNamespace ns, Skb skb) {
    if (skb.ctInfo() == CtInfo.UNTRACKED) {
      return new Lookup(CtInfo.UNTRACKED, null, false, "the packet is marked NOTRACK");
    }
    if (skb.conntrack() != null) {
      return new Lookup(skb.ctInfo(), skb.conntrack(), false, "it already belongs to a connection");
    }
    ConntrackTable table = ns.netfilter().conntrack();
    table.expire(engine.now());
    Ipv4Packet packet = skb.packet();
    if (packet.payload() instanceof IcmpMessage icmp && icmp.isError()) {
      return related(table, skb, icmp);
    }
    Optional<CtTuple> tuple = CtTuple.of(packet);
    if (tuple.isEmpty()) {
      skb.attach(null, CtInfo.INVALID);
      return new Lookup(CtInfo.INVALID, null, false, "conntrack does not follow this ICMP type");
    }
    Optional<ConntrackEntry> found = table.find(tuple.get());
    if (found.isPresent()) {
      ConntrackEntry entry = found.get();
      String before = engine.tracer.recording() ? entry.line(engine.now()) : null;
      boolean reply = entry.reply().equals(tuple.get()) && !entry.original().equals(tuple.get());
      if (reply
          && !entry.seenReply()
          && packet.payload() instanceof TcpSegment tcp
          && tcp.has(Flag.RST)) {
        table.remove(entry);
        skb.attach(entry, CtInfo.ESTABLISHED_REPLY);
        return new Lookup(
            CtInfo.ESTABLISHED_REPLY,
            entry,
            false,
            "a reset answering the first packet: the connection was refused, so conntrack"
                + " forgets it at once",
            before);
      }
      if (reply) {
        entry.setSeenReply();
      }
      CtInfo info =
          reply ? CtInfo.ESTABLISHED_REPLY : entry.seenReply() ? CtInfo.ESTABLISHED : CtInfo.NEW;
      if (!follow(entry, packet, reply)) {
        skb.attach(null, CtInfo.INVALID);
        return new Lookup(CtInfo.INVALID, entry, false, "the segment does not fit the connection");
      }
      table.deadlineChanged(entry.expiresNs());
      skb.attach(entry, info);
      return new Lookup(
          info,
          entry,
          false,
          reply ? "a reply of a known connection" : "a known connection",
          before);
    }
    if (packet.payload() instanceof TcpSegment tcp && tcp.has(Flag.RST)) {
      skb.attach(null, CtInfo.INVALID);
      return new Lookup(CtInfo.INVALID, null, false, "a reset for no known connection");
    }
    if (packet.payload() instanceof IcmpMessage icmp && icmp.type() == IcmpMessage.ECHO_REPLY) {
      skb.attach(null, CtInfo.INVALID);
      return new Lookup(CtInfo.INVALID, null, false, "an echo reply to no known request");
    }
    ConntrackEntry entry = table.create(tuple.get());
    start(entry, packet);
    skb.attach(entry, CtInfo.NEW);
    return new Lookup(CtInfo.NEW, entry, true, "the first packet of a new connection");
  }

  /** An ICMP error is RELATED to the connection of the packet it quotes. */
  private Lookup related(ConntrackTable table, Skb skb, IcmpMessage icmp) {
    Optional<CtTuple> quoted = CtTuple.of(icmp.quoted());
    Optional<ConntrackEntry> found = quoted.flatMap(t -> table.find(t.inverted()));
    if (found.isEmpty()) {
      found = quoted.flatMap(table::find);
      if (found.isEmpty()) {
        skb.attach(null, CtInfo.INVALID);
        return new Lookup(CtInfo.INVALID, null, false, "an ICMP error about no known connection");
      }
    }
    ConntrackEntry entry = found.get();
    boolean reply = entry.reply().equals(quoted.get().inverted());
    CtInfo info = reply ? CtInfo.RELATED_REPLY : CtInfo.RELATED;
    skb.attach(entry, info);
    return new Lookup(info, entry, false, "an ICMP error about a known connection");
  }

  /** Sets the protocol state and timeout of a new entry from its first packet. */
  private void start(ConntrackEntry entry, Ipv4Packet packet) {
    switch (packet.payload()) {
      case TcpSegment tcp -> {
        entry.setTcpState(tcp.has(Flag.SYN) ? TcpState.SYN_SENT : TcpState.ESTABLISHED);
        entry.expireAt(deadline(entry.tcpState().timeoutSeconds()));
      }
      case IcmpMessage icmp -> entry.expireAt(deadline(ICMP_TIMEOUT_S));
      default -> entry.expireAt(deadline(UDP_TIMEOUT_S));
    }
  }

  /**
   * Follows a packet of a known connection: TCP's state machine (simplified to the transitions a
   * clean handshake and close take), timeouts, ASSURED. False when the packet cannot belong.
   */
  private boolean follow(ConntrackEntry entry, Ipv4Packet packet, boolean reply) {
    if (!reply) {
      entry.countOriginal();
    }
    switch (packet.payload()) {
      case TcpSegment tcp -> {
        TcpState next = nextTcpState(entry.tcpState(), tcp, reply);
        entry.setTcpState(next);
        if (next == TcpState.ESTABLISHED && entry.seenReply()) {
          entry.setAssured();
        }
        entry.expireAt(deadline(next.timeoutSeconds()));
      }
      case IcmpMessage icmp -> entry.expireAt(deadline(ICMP_TIMEOUT_S));
      default -> {
        if (entry.seenReply() && !reply && entry.packetsInOriginal() > 1) {
          entry.setAssured();
        }
        entry.expireAt(deadline(entry.assured() ? UDP_STREAM_TIMEOUT_S : UDP_TIMEOUT_S));
      }
    }
    return true;
  }

  private static TcpState nextTcpState(TcpState state, TcpSegment tcp, boolean reply) {
    if (tcp.has(Flag.RST)) {
      return TcpState.CLOSE;
    }
    if (state == null) {
      return TcpState.ESTABLISHED;
    }
    return switch (state) {
      case SYN_SENT -> reply && tcp.has(Flag.SYN) && tcp.has(Flag.ACK) ? TcpState.SYN_RECV : state;
      case SYN_RECV -> !reply && tcp.has(Flag.ACK) ? TcpState.ESTABLISHED : state;
      case ESTABLISHED -> tcp.has(Flag.FIN) ? TcpState.FIN_WAIT : state;
      case FIN_WAIT ->
          tcp.has(Flag.FIN) ? TcpState.LAST_ACK : tcp.has(Flag.ACK) ? TcpState.CLOSE_WAIT : state;
      case CLOSE_WAIT -> tcp.has(Flag.FIN) ? TcpState.LAST_ACK : state;
      case LAST_ACK -> tcp.has(Flag.ACK) ? TcpState.TIME_WAIT : state;
      case TIME_WAIT, CLOSE -> tcp.has(Flag.SYN) && !reply ? TcpState.SYN_SENT : state;
    };
  }

  /**
   * nf_confirm: a new entry enters the table when its first packet leaves the last hook. False when
   * its tuples clash with an entry confirmed meanwhile.
   */
  boolean confirm(NetNamespace ns, Skb skb) {
    ConntrackEntry entry = skb.conntrack();
    if (entry == null || entry.confirmed()) {
      return true;
    }
    return ns.netfilter().conntrack().insert(entry);
  }

  private long deadline(int seconds) {
    return RunBudget.saturatedAdd(engine.now(), seconds * SECOND_NS);
  }
}
