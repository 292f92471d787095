package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;

/**
 * The path of a frame through one namespace, in the kernel's order: device receive → (bridge) →
 * layer-2 demux → IPv4 input routing (martians, rp_filter) → local delivery | forward (TTL, MTU) →
 * output (fragmentation) → neighbour → device transmit. Each stage is a small class; each early
 * exit ends the packet with a named disposition.
 */
final class Pipeline {

  private final Engine engine;

  Pipeline(Engine engine) {
    this.engine = engine;
  }

  /** netif_receive_skb: {@code dev} receives {@code frame}. */
  void receive(NetDevice dev, EthernetFrame frame, Cause cause) {
    if (!dev.isAdminUp()) {
      engine.drop(
          cause,
          Engine.at(dev),
          Texts.name(dev) + " is down and cannot receive the frame.",
          frame,
          Disposition.LINK_DOWN);
      return;
    }
    dev.counters().received(frame.length());
    engine.captures.record(engine.now(), dev, Direction.IN, frame);
    Cause rx =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.DEVICE_RX,
            Texts.name(dev) + " receives the frame from " + frame.src() + ".",
            frame);
    if (dev.master() != null) {
      engine.bridging.portReceive(dev, frame, rx);
    } else {
      deliverUp(dev, frame, rx);
    }
  }

  /** eth_type_trans and the protocol handlers: ARP or IPv4, if the frame is for us at all. */
  void deliverUp(NetDevice dev, EthernetFrame frame, Cause cause) {
    PacketType type = PacketType.of(dev, frame.dst());
    if (type == PacketType.OTHERHOST) {
      engine.drop(
          cause,
          Engine.at(dev),
          "The frame is addressed to "
              + frame.dst()
              + ", not to "
              + dev.name()
              + "'s MAC "
              + dev.mac()
              + ": not for "
              + Texts.name(dev.netns())
              + ", so it is dropped.",
          frame,
          Disposition.NOT_FOR_US);
      return;
    }
    switch (frame.payload()) {
      case ArpPacket arp -> engine.arp.receive(dev, frame, arp, type, cause);
      case Ipv4Packet packet -> ipReceive(dev, packet, type, cause);
    }
  }

  /** ip_rcv and the input routing decision. */
  private void ipReceive(NetDevice in, Ipv4Packet packet, PacketType type, Cause cause) {
    NetNamespace ns = in.netns();
    if (in.isLoopback()) {
      Cause local =
          engine.step(
              cause,
              Engine.at(ns),
              StepKind.ROUTE_LOOKUP,
              "The packet came back in on lo: it keeps the route it was sent with (local), so "
                  + Texts.name(ns)
                  + " needs no new lookup.",
              packet);
      engine.local.deliver(in, packet, false, local);
      return;
    }
    InputRouting.Decision decision = engine.inputRouting.decide(in, packet.src(), packet.dst());
    Cause looked =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.ROUTE_LOOKUP,
            Texts.name(ns)
                + " looks up "
                + packet.dst()
                + " for a packet from "
                + packet.src()
                + " that came in on "
                + in.name()
                + ": "
                + decision.why()
                + ".",
            packet);
    if (decision.rpCheck() != null) {
      looked =
          engine.step(
              looked,
              Engine.at(ns),
              StepKind.RP_FILTER_CHECK,
              "Reverse-path check on " + in.name() + ": " + decision.rpCheck() + ".",
              packet);
    }
    switch (decision.verdict()) {
      case LOCAL, BROADCAST ->
          engine.local.deliver(
              in, packet, decision.verdict() == InputRouting.Verdict.BROADCAST, looked);
      case FORWARD -> forward(in, packet, type, decision, looked);
      case REFUSED -> {
        Cause dropped =
            engine.drop(
                looked,
                Engine.at(ns),
                Texts.name(ns) + " cannot route the packet: " + decision.why() + ".",
                packet,
                decision.disposition());
        engine.icmp.sendError(
            ns, packet, IcmpMessage.DEST_UNREACHABLE, decision.icmpCode(), 0, false, dropped);
      }
      case DROP ->
          engine.drop(
              looked,
              Engine.at(ns),
              "Dropped without a word: " + decision.why() + ".",
              packet,
              decision.disposition());
    }
  }

  /** ip_forward: only frames sent to our MAC, TTL above 1, fits the MTU unless it may fragment. */
  private void forward(
      NetDevice in,
      Ipv4Packet packet,
      PacketType type,
      InputRouting.Decision decision,
      Cause cause) {
    NetNamespace ns = in.netns();
    if (type != PacketType.HOST) {
      engine.drop(
          cause,
          Engine.at(ns),
          "The packet arrived in a link-layer broadcast; a router forwards only frames sent to its"
              + " own MAC.",
          packet,
          Disposition.NOT_FOR_US);
      return;
    }
    if (packet.ttl() <= 1) {
      Cause dropped =
          engine.drop(
              cause,
              Engine.at(ns),
              "The packet's TTL is "
                  + packet.ttl()
                  + ": forwarding it would bring it to 0, so "
                  + Texts.name(ns)
                  + " drops it and reports the time exceeded to "
                  + packet.src()
                  + ".",
              packet,
              Disposition.TTL_EXCEEDED);
      engine.icmp.sendError(ns, packet, IcmpMessage.TIME_EXCEEDED, 0, 0, false, dropped);
      return;
    }
    NetDevice out = decision.route().device();
    if (packet.totalLength() > out.mtu() && packet.dontFragment()) {
      Cause dropped =
          engine.drop(
              cause,
              Engine.at(ns),
              "The packet is "
                  + packet.totalLength()
                  + " bytes, more than "
                  + out.name()
                  + "'s MTU of "
                  + out.mtu()
                  + ", and Don't Fragment is set: "
                  + Texts.name(ns)
                  + " drops it and tells the sender the MTU.",
              packet,
              Disposition.FRAG_NEEDED);
      engine.icmp.sendError(
          ns,
          packet,
          IcmpMessage.DEST_UNREACHABLE,
          IcmpMessage.CODE_FRAG_NEEDED,
          out.mtu(),
          false,
          dropped);
      return;
    }
    Ipv4Packet decremented = packet.withTtl(packet.ttl() - 1);
    Cause ttl =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.TTL_DECREMENT,
            Texts.name(ns)
                + " decrements the TTL from "
                + packet.ttl()
                + " to "
                + decremented.ttl()
                + " as every router does.",
            decremented);
    Ipv4Address nextHop =
        decision.route().gateway() != null ? decision.route().gateway() : packet.dst();
    Cause forwarded =
        engine.step(
            ttl,
            Engine.at(ns),
            StepKind.FORWARD,
            Texts.name(ns)
                + " forwards the packet out of "
                + out.name()
                + " toward "
                + nextHop
                + ".",
            decremented);
    output(out, nextHop, decremented, forwarded);
  }

  /**
   * ip_local_out: a packet this namespace's own stack or programs send, on the route already
   * decided for it.
   */
  void sendLocal(OutputRouting.Decision route, Ipv4Packet packet, Cause cause) {
    NetNamespace ns = route.device().netns();
    Cause looked =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.ROUTE_LOOKUP,
            Texts.name(ns) + " looks up " + packet.dst() + ": " + route.why() + ".",
            packet);
    output(route.device(), route.nextHop(), packet, looked);
  }

  /**
   * ip_output: splits a packet bigger than the path MTU (DF clear; the destination reassembles it)
   * and hands it to the neighbour layer, or straight to {@code lo}.
   */
  void output(NetDevice dev, Ipv4Address nextHop, Ipv4Packet packet, Cause cause) {
    NetNamespace ns = dev.netns();
    Cause now = cause;
    int mtu = pathMtu(ns, packet.dst(), dev);
    if (packet.totalLength() > mtu) {
      int perFragment = (mtu - Ipv4Packet.HEADER_LENGTH) & ~7;
      int data = packet.totalLength() - Ipv4Packet.HEADER_LENGTH;
      int fragments = (data + perFragment - 1) / perFragment;
      now =
          engine.step(
              cause,
              Engine.at(dev),
              StepKind.FRAGMENT,
              "The packet is "
                  + packet.totalLength()
                  + " bytes, more than the MTU of "
                  + mtu
                  + " toward "
                  + packet.dst()
                  + ", and Don't Fragment is clear: it leaves as "
                  + fragments
                  + " fragments that "
                  + packet.dst()
                  + " puts back together (shown here as one packet).",
              packet);
    }
    if (dev.isNoArp()) {
      engine.links.transmit(dev, new EthernetFrame(dev.mac(), dev.mac(), packet), now);
      return;
    }
    engine.neighbours.output(dev, nextHop, packet, now);
  }

  /** The MTU toward {@code dst}: the device's, or less when a frag-needed taught us so. */
  int pathMtu(NetNamespace ns, Ipv4Address dst, NetDevice dev) {
    return engine
        .pathMtus
        .lookup(ns, dst, engine.now())
        .map(p -> Math.min(p.mtu(), dev.mtu()))
        .orElse(dev.mtu());
  }
}
