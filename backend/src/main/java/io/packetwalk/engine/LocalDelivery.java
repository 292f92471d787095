package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.Optional;

/**
 * ip_local_deliver and the protocol handlers: ICMP (echo requests are answered, replies and errors
 * go to the ping or TCP socket they concern), TCP, and UDP (an agent's socket, a listener, or ICMP
 * port unreachable).
 */
final class LocalDelivery {

  private final Engine engine;

  LocalDelivery(Engine engine) {
    this.engine = engine;
  }

  void deliver(NetDevice in, Ipv4Packet packet, boolean broadcast, Cause cause) {
    switch (packet.payload()) {
      case IcmpMessage icmp -> icmp(in, packet, icmp, broadcast, cause);
      case TcpSegment segment -> {
        if (broadcast) {
          engine.drop(
              cause,
              Engine.at(in.netns()),
              "TCP does not accept broadcasts.",
              packet,
              Disposition.NOT_FOR_US);
        } else {
          engine.tcp.receive(in.netns(), packet, segment, cause);
        }
      }
      case UdpDatagram datagram -> udp(in.netns(), packet, datagram, broadcast, cause);
    }
  }

  private void icmp(
      NetDevice in, Ipv4Packet packet, IcmpMessage icmp, boolean broadcast, Cause cause) {
    NetNamespace ns = in.netns();
    switch (icmp.type()) {
      case IcmpMessage.ECHO_REQUEST -> {
        if (broadcast) {
          engine.end(
              cause,
              Engine.at(ns),
              StepKind.LOCAL_DELIVER,
              Texts.name(ns)
                  + " ignores echo requests sent to a broadcast address"
                  + " (icmp_echo_ignore_broadcasts=1).",
              packet,
              Disposition.DELIVERED);
          return;
        }
        Cause taken =
            engine.end(
                cause,
                Engine.at(ns),
                StepKind.LOCAL_DELIVER,
                Texts.name(ns) + "'s ICMP layer takes the echo request and answers it.",
                packet,
                Disposition.DELIVERED);
        engine.icmp.sendEchoReply(ns, packet, icmp, taken);
      }
      case IcmpMessage.ECHO_REPLY -> {
        Optional<PingProcess> ping =
            engine.sockets.ping(ns, icmp.id()).filter(p -> p.accepts(in, packet));
        if (ping.isEmpty()) {
          unsolicited(
              ns, packet, "no ping in " + Texts.name(ns) + " waits for id " + icmp.id(), cause);
          return;
        }
        ping.get().onReply(packet, icmp, cause);
      }
      case IcmpMessage.DEST_UNREACHABLE, IcmpMessage.TIME_EXCEEDED ->
          error(in, packet, icmp, cause);
      default -> unsolicited(ns, packet, "nothing handles ICMP type " + icmp.type(), cause);
    }
  }

  /** icmp_unreach / icmp_err: a frag-needed teaches the path MTU; the socket concerned hears it. */
  private void error(NetDevice in, Ipv4Packet packet, IcmpMessage icmp, Cause cause) {
    NetNamespace ns = in.netns();
    Ipv4Packet quoted = icmp.quoted();
    Cause now = cause;
    if (icmp.type() == IcmpMessage.DEST_UNREACHABLE
        && icmp.code() == IcmpMessage.CODE_FRAG_NEEDED
        && ns.fib().isLocal(quoted.src())) {
      OutputRouting.Decision route = engine.outputRouting.decide(ns, quoted.dst(), null, null);
      if (route.device() != null) {
        int mtu =
            engine.pathMtus.learn(
                ns, quoted.dst(), icmp.nextHopMtu(), route.device().mtu(), engine.now());
        now =
            engine.step(
                cause,
                Engine.at(ns),
                StepKind.LOCAL_DELIVER,
                Texts.name(ns)
                    + " remembers that the path to "
                    + quoted.dst()
                    + " takes at most "
                    + mtu
                    + " bytes (for 10 minutes).",
                packet);
      }
    }
    switch (quoted.payload()) {
      case IcmpMessage echo when echo.type() == IcmpMessage.ECHO_REQUEST -> {
        Optional<PingProcess> ping =
            engine.sockets.ping(ns, echo.id()).filter(p -> p.accepts(in, packet));
        if (ping.isPresent()) {
          ping.get().onError(packet, icmp, echo, now);
        } else {
          unsolicited(
              ns, packet, "no ping in " + Texts.name(ns) + " listens for id " + echo.id(), now);
        }
      }
      case TcpSegment segment -> engine.tcp.error(ns, packet, icmp, quoted, segment, now);
      default ->
          unsolicited(ns, packet, "no socket of " + Texts.name(ns) + " sent that packet", now);
    }
  }

  private void udp(
      NetNamespace ns, Ipv4Packet packet, UdpDatagram datagram, boolean broadcast, Cause cause) {
    if (engine.vxlan.receive(ns, packet, datagram, cause)) {
      return;
    }
    Optional<ProcessUdpSocket> socket = engine.sockets.udpSocket(ns, datagram.dstPort());
    if (socket.isPresent()) {
      Cause queued =
          engine.step(
              cause,
              Engine.at(ns),
              StepKind.SOCKET_DELIVER,
              "The datagram waits in the receive queue of "
                  + socket.get().label()
                  + "'s UDP socket on port "
                  + datagram.dstPort()
                  + " in "
                  + Texts.name(ns)
                  + ".",
              packet);
      socket.get().queue(packet, datagram, queued);
      return;
    }
    if (engine.sockets.listener(ns, L4Protocol.UDP, datagram.dstPort()).isPresent()) {
      engine.end(
          cause,
          Engine.at(ns),
          StepKind.SOCKET_DELIVER,
          "nc -u -l on port "
              + datagram.dstPort()
              + " in "
              + Texts.name(ns)
              + " receives the datagram.",
          packet,
          Disposition.DELIVERED);
      return;
    }
    Cause closed =
        engine.drop(
            cause,
            Engine.at(ns),
            "No socket listens on UDP port "
                + datagram.dstPort()
                + (broadcast
                    ? "; broadcasts get no answer."
                    : ": " + Texts.name(ns) + " answers port unreachable."),
            packet,
            Disposition.PORT_CLOSED);
    if (!broadcast) {
      engine.icmp.sendError(
          ns,
          packet,
          IcmpMessage.DEST_UNREACHABLE,
          IcmpMessage.CODE_PORT_UNREACHABLE,
          0,
          true,
          closed);
    }
  }

  void unsolicited(NetNamespace ns, Ipv4Packet packet, String why, Cause cause) {
    engine.drop(
        cause,
        Engine.at(ns),
        "The " + Texts.what(packet) + " is dropped: " + why + ".",
        packet,
        Disposition.UNSOLICITED);
  }
}
