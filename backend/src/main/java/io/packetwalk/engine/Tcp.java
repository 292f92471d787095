package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.TcpSegment.Flag;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Just enough TCP for {@code nc -z} against {@code nc -l}: the three-way handshake, the client
 * closing at once (FIN, FIN+ACK, ACK as Linux and netcat do it), resets for closed ports and
 * strays, SYN retransmission (1 s doubling, 6 retries), and ICMP errors aborting a connect.
 */
final class Tcp {

  static final long INITIAL_RTO_NS = 1_000_000_000L;

  /**
   * The kernel's timer wheel fires a retransmission timer a little after its due time (a few
   * jiffies); a program's own timeout of the same length ({@code nc -w 1}) therefore runs first.
   */
  static final long TIMER_SLACK_NS = 4_000_000L;

  static final int SYN_RETRIES = 6;
  static final int EPHEMERAL_LOW = 32768;
  static final int EPHEMERAL_HIGH = 60999;

  private final Engine engine;

  Tcp(Engine engine) {
    this.engine = engine;
  }

  /**
   * connect(): sends a SYN from {@code source}, from {@code sourcePort} (0: an ephemeral port);
   * {@code onConnect} hears how it ends.
   */
  TcpConnection connect(
      NetNamespace ns,
      Ipv4Address source,
      int sourcePort,
      Ipv4Address dst,
      int port,
      Consumer<Errno> onConnect,
      Cause cause) {
    int localPort =
        sourcePort > 0
            ? sourcePort
            : engine.world.random().nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH + 1);
    TcpConnection connection =
        new TcpConnection(
            ns, source, localPort, dst, port, null, onConnect, TcpConnection.State.SYN_SENT);
    long iss = engine.world.random().nextLong(1L << 32);
    connection.sendNext(iss + 1);
    engine.sockets.add(connection);
    Cause sent =
        send(
            connection,
            EnumSet.of(Flag.SYN),
            iss,
            0,
            cause,
            StepKind.PACKET_CREATED,
            "nc in "
                + Texts.name(ns)
                + " opens a TCP connection from "
                + source
                + ":"
                + localPort
                + " to "
                + dst
                + ":"
                + port
                + ": it sends a SYN.");
    retransmitLater(connection, iss, 0, sent);
    return connection;
  }

  /** Closes a connection the program gives up on (nc -w): the socket just goes away. */
  void abort(TcpConnection connection) {
    connection.state(TcpConnection.State.CLOSED);
    engine.sockets.remove(connection);
  }

  private void retransmitLater(TcpConnection connection, long iss, int attempt, Cause cause) {
    long rto = INITIAL_RTO_NS << attempt;
    engine.timerAfter(
        rto + TIMER_SLACK_NS,
        Engine.at(connection.netns()),
        cause,
        () -> {
          if (connection.state() != TcpConnection.State.SYN_SENT) {
            return;
          }
          if (attempt == SYN_RETRIES) {
            abort(connection);
            engine.step(
                cause,
                Engine.at(connection.netns()),
                StepKind.DROP,
                "No answer to the SYN after "
                    + SYN_RETRIES
                    + " retransmissions: connect() fails with ETIMEDOUT.",
                null);
            connection.connectDone(Errno.ETIMEDOUT);
            return;
          }
          Cause again =
              send(
                  connection,
                  EnumSet.of(Flag.SYN),
                  iss,
                  0,
                  cause,
                  StepKind.PACKET_CREATED,
                  "No SYN+ACK within " + Texts.seconds(rto) + ": the kernel retransmits the SYN.");
          retransmitLater(connection, iss, attempt + 1, again);
        });
  }

  /** tcp_v4_rcv: a segment for one of our addresses. */
  void receive(NetNamespace ns, Ipv4Packet packet, TcpSegment segment, Cause cause) {
    Optional<TcpConnection> found =
        engine.sockets.connection(
            ns, packet.dst(), segment.dstPort(), packet.src(), segment.srcPort());
    if (found.isPresent()) {
      established(found.get(), packet, segment, cause);
      return;
    }
    Optional<Sockets.Listener> listener =
        engine.sockets.listener(ns, L4Protocol.TCP, segment.dstPort());
    if (listener.isPresent() && segment.has(Flag.SYN) && !segment.has(Flag.ACK)) {
      accept(ns, listener.get(), packet, segment, cause);
      return;
    }
    reset(ns, packet, segment, cause);
  }

  private void accept(
      NetNamespace ns, Sockets.Listener listener, Ipv4Packet packet, TcpSegment syn, Cause cause) {
    TcpConnection connection =
        new TcpConnection(
            ns,
            packet.dst(),
            syn.dstPort(),
            packet.src(),
            syn.srcPort(),
            listener,
            error -> {},
            TcpConnection.State.SYN_RECV);
    long iss = engine.world.random().nextLong(1L << 32);
    connection.sendNext(iss + 1);
    connection.receiveNext(syn.sequence() + 1);
    engine.sockets.add(connection);
    Cause taken =
        engine.end(
            cause,
            Engine.at(ns),
            StepKind.LOCAL_DELIVER,
            "nc -l listens on port " + syn.dstPort() + ", so the kernel takes the SYN.",
            packet,
            Disposition.DELIVERED);
    send(
        connection,
        EnumSet.of(Flag.SYN, Flag.ACK),
        iss,
        connection.receiveNext(),
        taken,
        StepKind.TCP_SENT,
        Texts.name(ns) + " answers with SYN+ACK (step 2 of the handshake).");
  }

  /** A segment for an existing connection, by state. */
  private void established(
      TcpConnection connection, Ipv4Packet packet, TcpSegment segment, Cause cause) {
    NetNamespace ns = connection.netns();
    if (segment.has(Flag.RST)) {
      engine.sockets.remove(connection);
      boolean connecting = connection.state() == TcpConnection.State.SYN_SENT;
      connection.state(TcpConnection.State.CLOSED);
      engine.end(
          cause,
          Engine.at(ns),
          StepKind.SOCKET_DELIVER,
          connecting
              ? "The peer resets the connection attempt: nothing listens on port "
                  + connection.remotePort()
                  + ", connect() fails with ECONNREFUSED (Connection refused)."
              : "The peer resets the connection.",
          packet,
          Disposition.DELIVERED);
      if (connecting) {
        connection.connectDone(Errno.ECONNREFUSED);
      }
      return;
    }
    switch (connection.state()) {
      case SYN_SENT -> {
        if (!segment.has(Flag.SYN) || !segment.has(Flag.ACK)) {
          taken(
              connection,
              packet,
              cause,
              "The connecting socket ignores a segment that is no SYN+ACK.");
          return;
        }
        connection.receiveNext(segment.sequence() + 1);
        connection.state(TcpConnection.State.ESTABLISHED);
        Cause connected =
            engine.end(
                cause,
                Engine.at(ns),
                StepKind.SOCKET_DELIVER,
                "The SYN+ACK arrives: connect() succeeds for nc in " + Texts.name(ns) + ".",
                packet,
                Disposition.DELIVERED);
        Cause acked =
            send(
                connection,
                EnumSet.of(Flag.ACK),
                connection.sendNext(),
                connection.receiveNext(),
                connected,
                StepKind.TCP_SENT,
                Texts.name(ns) + " completes the handshake with an ACK.");
        connection.connectDone(null);
        close(
            connection,
            acked,
            "nc -z only wanted to know: it closes the connection at once (FIN).");
      }
      case SYN_RECV -> {
        if (!segment.has(Flag.ACK)) {
          Cause again =
              taken(
                  connection,
                  packet,
                  cause,
                  "The SYN arrives again: the SYN+ACK must have been lost.");
          send(
              connection,
              EnumSet.of(Flag.SYN, Flag.ACK),
              connection.sendNext() - 1,
              connection.receiveNext(),
              again,
              StepKind.TCP_SENT,
              Texts.name(ns) + " sends its SYN+ACK again.");
          return;
        }
        connection.state(TcpConnection.State.ESTABLISHED);
        engine.end(
            cause,
            Engine.at(ns),
            StepKind.SOCKET_DELIVER,
            "The handshake is complete: nc -l in " + Texts.name(ns) + " accepts the connection.",
            packet,
            Disposition.DELIVERED);
      }
      case ESTABLISHED -> {
        if (!segment.has(Flag.FIN)) {
          taken(connection, packet, cause, "The established connection takes the segment.");
          return;
        }
        connection.receiveNext(segment.sequence() + 1);
        Cause eof =
            engine.end(
                cause,
                Engine.at(ns),
                StepKind.SOCKET_DELIVER,
                "nc -l reads end-of-file: the peer has closed.",
                packet,
                Disposition.DELIVERED);
        close(connection, eof, "nc -l closes its side too: FIN+ACK.");
      }
      case FIN_WAIT_1, FIN_WAIT_2 -> {
        if (!segment.has(Flag.FIN)) {
          connection.state(TcpConnection.State.FIN_WAIT_2);
          taken(
              connection,
              packet,
              cause,
              "The peer acknowledges the FIN; its own FIN is still to come.");
          return;
        }
        connection.receiveNext(segment.sequence() + 1);
        engine.sockets.remove(connection);
        connection.state(TcpConnection.State.CLOSED);
        Cause done =
            engine.end(
                cause,
                Engine.at(ns),
                StepKind.SOCKET_DELIVER,
                "The peer's FIN arrives: "
                    + Texts.name(ns)
                    + " acknowledges it and the connection is over.",
                packet,
                Disposition.DELIVERED);
        send(
            connection,
            EnumSet.of(Flag.ACK),
            connection.sendNext(),
            connection.receiveNext(),
            done,
            StepKind.TCP_SENT,
            Texts.name(ns) + " acknowledges the FIN.");
      }
      case LAST_ACK -> {
        engine.sockets.remove(connection);
        connection.state(TcpConnection.State.CLOSED);
        Sockets.Listener listener = connection.listener();
        boolean exits = listener != null && !listener.keepOpen();
        if (exits) {
          engine.sockets.close(listener);
        }
        engine.end(
            cause,
            Engine.at(ns),
            StepKind.SOCKET_DELIVER,
            "The last ACK arrives: the connection is closed"
                + (exits
                    ? "; nc -l (without -k) exits and port " + listener.port() + " is closed."
                    : "."),
            packet,
            Disposition.DELIVERED);
      }
      case CLOSED -> taken(connection, packet, cause, "The connection is already closed.");
    }
  }

  private Cause taken(TcpConnection connection, Ipv4Packet packet, Cause cause, String sentence) {
    return engine.end(
        cause,
        Engine.at(connection.netns()),
        StepKind.SOCKET_DELIVER,
        sentence,
        packet,
        Disposition.DELIVERED);
  }

  /** The program closes its end: FIN (with ACK). */
  private void close(TcpConnection connection, Cause cause, String sentence) {
    long seq = connection.sendNext();
    connection.sendNext(seq + 1);
    connection.state(
        connection.state() == TcpConnection.State.ESTABLISHED && connection.listener() != null
            ? TcpConnection.State.LAST_ACK
            : TcpConnection.State.FIN_WAIT_1);
    send(
        connection,
        EnumSet.of(Flag.FIN, Flag.ACK),
        seq,
        connection.receiveNext(),
        cause,
        StepKind.TCP_SENT,
        sentence);
  }

  /** tcp_v4_send_reset: no socket for this segment. Never a reset for a reset. */
  private void reset(NetNamespace ns, Ipv4Packet packet, TcpSegment segment, Cause cause) {
    if (segment.has(Flag.RST)) {
      engine.drop(
          cause,
          Engine.at(ns),
          "A reset for no connection is dropped.",
          packet,
          Disposition.UNSOLICITED);
      return;
    }
    Cause closed =
        engine.drop(
            cause,
            Engine.at(ns),
            "No socket of " + Texts.name(ns) + " listens on TCP port " + segment.dstPort() + ".",
            packet,
            Disposition.PORT_CLOSED);
    sendReset(ns, packet, segment, closed, Texts.name(ns) + " answers with a reset (RST).");
  }

  /**
   * REJECT --reject-with tcp-reset (nf_send_reset): a reset that seems to come from the segment's
   * destination goes back through this namespace's OUTPUT and POSTROUTING.
   */
  void rejectWithReset(NetNamespace ns, Ipv4Packet packet, TcpSegment segment, Cause cause) {
    if (segment.has(Flag.RST)) {
      return;
    }
    sendReset(
        ns,
        packet,
        segment,
        cause,
        Texts.name(ns)
            + " sends a reset (RST) that appears to come from "
            + packet.dst()
            + ":"
            + segment.dstPort()
            + ".");
  }

  private void sendReset(
      NetNamespace ns, Ipv4Packet packet, TcpSegment segment, Cause cause, String sentence) {
    long length =
        segment.dataLength() + (segment.has(Flag.SYN) ? 1 : 0) + (segment.has(Flag.FIN) ? 1 : 0);
    Set<Flag> flags = segment.has(Flag.ACK) ? EnumSet.of(Flag.RST) : EnumSet.of(Flag.RST, Flag.ACK);
    long seq = segment.has(Flag.ACK) ? segment.acknowledgement() : 0;
    long ack = segment.has(Flag.ACK) ? 0 : (segment.sequence() + length) & 0xffff_ffffL;
    TcpSegment rst = new TcpSegment(segment.dstPort(), segment.srcPort(), flags, seq, ack, 0);
    transmit(ns, packet.dst(), packet.src(), rst, cause, StepKind.TCP_SENT, sentence);
  }

  /** tcp_v4_err: in SYN_SENT an ICMP error ends the connect with its errno; later it is soft. */
  void error(
      NetNamespace ns,
      Ipv4Packet packet,
      IcmpMessage icmp,
      Ipv4Packet quoted,
      TcpSegment segment,
      Cause cause) {
    Optional<TcpConnection> found =
        engine.sockets.connection(
            ns, quoted.src(), segment.srcPort(), quoted.dst(), segment.dstPort());
    if (found.isEmpty()) {
      engine.local.unsolicited(
          ns, packet, "no TCP socket of " + Texts.name(ns) + " sent that segment", cause);
      return;
    }
    TcpConnection connection = found.get();
    Errno errno = errnoFor(icmp);
    if (connection.state() != TcpConnection.State.SYN_SENT || errno == null) {
      engine.end(
          cause,
          Engine.at(ns),
          StepKind.SOCKET_DELIVER,
          "The TCP socket notes the ICMP " + icmp.description() + " and carries on.",
          packet,
          Disposition.DELIVERED);
      return;
    }
    abort(connection);
    engine.end(
        cause,
        Engine.at(ns),
        StepKind.SOCKET_DELIVER,
        "The ICMP "
            + icmp.description()
            + " reaches the connecting socket: connect() fails with "
            + errno
            + " ("
            + errno.message()
            + ").",
        packet,
        Disposition.DELIVERED);
    connection.connectDone(errno);
  }

  /** icmp_err_convert, as tcp_v4_err applies it; null for errors that do not abort. */
  private static Errno errnoFor(IcmpMessage icmp) {
    if (icmp.type() == IcmpMessage.TIME_EXCEEDED) {
      return Errno.EHOSTUNREACH;
    }
    return switch (icmp.code()) {
      case IcmpMessage.CODE_NET_UNREACHABLE -> Errno.ENETUNREACH;
      case IcmpMessage.CODE_PORT_UNREACHABLE -> Errno.ECONNREFUSED;
      case IcmpMessage.CODE_FRAG_NEEDED -> null;
      default -> Errno.EHOSTUNREACH;
    };
  }

  private Cause send(
      TcpConnection connection,
      Set<Flag> flags,
      long seq,
      long ack,
      Cause cause,
      StepKind kind,
      String sentence) {
    TcpSegment segment =
        new TcpSegment(
            connection.localPort(),
            connection.remotePort(),
            flags,
            seq,
            ack,
            0,
            flags.contains(Flag.SYN) ? TcpSegment.SYN_OPTIONS : TcpSegment.TIMESTAMP_OPTIONS);
    return transmit(
        connection.netns(),
        connection.local(),
        connection.remote(),
        segment,
        cause,
        kind,
        sentence);
  }

  private Cause transmit(
      NetNamespace ns,
      Ipv4Address src,
      Ipv4Address dst,
      TcpSegment segment,
      Cause cause,
      StepKind kind,
      String sentence) {
    Ipv4Packet packet =
        new Ipv4Packet(src, dst, IcmpSender.DEFAULT_TTL, engine.nextIpId(), true, segment);
    Cause created = engine.step(cause, Engine.at(ns), kind, sentence, packet);
    OutputRouting.Decision route = engine.outputRouting.decide(ns, dst, src, null);
    if (!route.canSend()) {
      return engine.drop(
          created,
          Engine.at(ns),
          Texts.name(ns) + " cannot send it: " + route.why() + ".",
          packet,
          Disposition.NO_ROUTE);
    }
    engine.pipeline.sendLocal(route, packet, created);
    return created;
  }
}
