package io.packetwalk.engine;

import io.packetwalk.engine.process.DatagramHandler;
import io.packetwalk.engine.process.ReceivedDatagram;
import io.packetwalk.engine.process.UdpSocket;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.UdpPayload;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;

/**
 * A process's bound UDP socket: datagrams the kernel delivers to its port wait in its receive queue
 * until the process reads them; what the process sends goes down the namespace's output path.
 */
final class ProcessUdpSocket implements UdpSocket {

  /** How long a blocked process takes to wake up and return from recvfrom(). */
  static final long WAKEUP_NS = 1_000;

  private final Engine engine;
  private final UserProcess owner;
  private final int number;
  private final int port;
  private final DatagramHandler handler;

  ProcessUdpSocket(
      Engine engine, UserProcess owner, int number, int port, DatagramHandler handler) {
    this.engine = engine;
    this.owner = owner;
    this.number = number;
    this.port = port;
    this.handler = handler;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String describe() {
    return "UDP socket on port " + port;
  }

  UserProcess owner() {
    return owner;
  }

  NetNamespace netns() {
    return owner.netns();
  }

  String label() {
    return owner.label();
  }

  /** The kernel queued {@code packet} on the socket: the process reads it when it wakes. */
  void queue(Ipv4Packet packet, UdpDatagram datagram, Cause queued) {
    engine.frameAfter(WAKEUP_NS, Engine.at(netns()), queued, () -> read(packet, datagram, queued));
  }

  private void read(Ipv4Packet packet, UdpDatagram datagram, Cause queued) {
    Cause read =
        engine.end(
            queued,
            Engine.at(netns()),
            StepKind.USERSPACE_READ,
            owner.label()
                + " reads the "
                + datagram.dataLength()
                + "-byte datagram from "
                + packet.src()
                + ":"
                + datagram.srcPort()
                + " on fd "
                + number
                + " (its "
                + describe()
                + "): the data leaves the kernel for user space.",
            packet,
            Disposition.DELIVERED);
    ReceivedDatagram received =
        new ReceivedDatagram(packet.src(), datagram.srcPort(), packet.dst(), datagram.payload());
    owner.wake(read, () -> handler.onDatagram(this, received));
  }

  @Override
  public void sendTo(Ipv4Address destination, int dstPort, UdpPayload payload) {
    NetNamespace ns = netns();
    // An agent's datagrams are not counted as new packets of the run: like a router's, most answer
    // or forward a packet that was counted, and two agents answering each other forever (an echo
    // loop) end on the engine's frame budget instead of earning it more allowance.
    Cause cause = owner.wokenBy();
    OutputRouting.Decision route = engine.outputRouting.decide(ns, destination, null, null);
    Ipv4Address source = route.canSend() ? route.source() : Ipv4Address.ANY;
    UdpDatagram datagram = new UdpDatagram(port, dstPort, payload);
    int length = Ipv4Packet.HEADER_LENGTH + datagram.length();
    // IP_PMTUDISC_WANT, a UDP socket's default: DF while the packet fits the path MTU.
    boolean dontFragment =
        route.canSend() && length <= engine.pipeline.pathMtu(ns, destination, route.device());
    Ipv4Packet packet =
        new Ipv4Packet(
            source, destination, IcmpSender.DEFAULT_TTL, engine.nextIpId(), dontFragment, datagram);
    Cause wrote =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.USERSPACE_WRITE,
            owner.label()
                + " writes a "
                + datagram.dataLength()
                + "-byte datagram for "
                + destination
                + ":"
                + dstPort
                + " to fd "
                + number
                + " (its "
                + describe()
                + "): the data passes from user space into the kernel.",
            packet);
    if (!route.canSend()) {
      engine.drop(
          wrote,
          Engine.at(ns),
          Texts.name(ns) + " cannot send it: " + route.why() + ".",
          packet,
          Disposition.NO_ROUTE);
      return;
    }
    engine.pipeline.sendLocal(route, packet, wrote);
  }
}
