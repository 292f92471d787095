package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;

/**
 * The path of a frame through one namespace, in the kernel's order: device receive → (bridge) →
 * layer-2 demux → PREROUTING → IPv4 input routing (martians, rp_filter) → INPUT → local delivery |
 * forward (TTL, MTU) → FORWARD → POSTROUTING → output (fragmentation) → neighbour → device
 * transmit; a locally sent packet passes OUTPUT (and is routed again if that changed its
 * destination) before POSTROUTING. The packet travels as an {@link Skb}. Each stage is a small
 * class; each early exit ends the packet with a named disposition.
 */
final class Pipeline {

  private final Engine engine;

  Pipeline(Engine engine) {
    this.engine = engine;
  }

  /** netif_receive_skb: {@code dev} receives {@code frame}. */
  void receive(NetDevice dev, EthernetFrame frame, Cause cause) {
    receive(dev, frame, null, cause);
  }

  /**
   * As {@link #receive(NetDevice, EthernetFrame, Cause)}, for a frame that keeps the skb it was
   * sent with ({@code lo} does not scrub it, so it keeps its conntrack entry).
   */
  void receive(NetDevice dev, EthernetFrame frame, Skb carried, Cause cause) {
    if (!dev.isAdminUp()) {
      engine.drop(
          cause,
          Engine.at(dev),
          Texts.name(dev) + " is down and cannot receive the frame.",
          frame,
          Disposition.LINK_DOWN);
      return;
    }
    dev.counters().received(TunDriver.countedLength(dev, frame));
    engine.captures.record(engine.now(), dev, Direction.IN, frame);
    Cause rx =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.DEVICE_RX,
            Texts.name(dev) + " receives the frame from " + frame.src() + ".",
            frame);
    if (engine.vlans.receive(dev, frame, rx)) {
      return;
    }
    if (dev.master() != null) {
      engine.bridging.portReceive(dev, frame, rx);
    } else if (!engine.macvlans.receive(dev, frame, rx)
        && !engine.ipvlans.receive(dev, frame, rx)) {
      deliverUp(dev, frame, carried, rx);
    }
  }

  /** eth_type_trans and the protocol handlers: ARP or IPv4, if the frame is for us at all. */
  void deliverUp(NetDevice dev, EthernetFrame frame, Cause cause) {
    deliverUp(dev, frame, null, cause);
  }

  /**
   * As {@link #deliverUp(NetDevice, EthernetFrame, Cause)} for a frame whose skb already exists (a
   * bridge passing up a packet br_netfilter has seen, lo handing back what it sent).
   */
  void deliverUp(NetDevice dev, EthernetFrame frame, Skb carried, Cause cause) {
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
      case Ipv4Packet packet ->
          ipReceive(dev, carried != null ? carried : Skb.received(packet, dev), type, cause);
    }
  }

  /** ip_rcv: PREROUTING, then the input routing decision on the destination it left. */
  private void ipReceive(NetDevice in, Skb skb, PacketType type, Cause cause) {
    NetNamespace ns = in.netns();
    skb.setIn(in);
    skb.setOut(null);
    NetfilterHooks.Passage pre =
        skb.bridgeNetfilterDone()
            ? new NetfilterHooks.Passage(true, cause)
            : engine.netfilter.run(Hook.PREROUTING, ns, skb, cause);
    if (!pre.accepted()) {
      return;
    }
    Ipv4Packet packet = skb.packet();
    if (in.isLoopback()) {
      Cause local =
          engine.step(
              pre.cause(),
              Engine.at(ns),
              StepKind.ROUTE_LOOKUP,
              "The packet came back in on lo: it keeps the route it was sent with (local), so "
                  + Texts.name(ns)
                  + " needs no new lookup.",
              packet);
      localIn(in, skb, false, local);
      return;
    }
    InputRouting.Decision decision = engine.inputRouting.decide(in, packet.src(), packet.dst());
    Cause looked =
        engine.step(
            pre.cause(),
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
          localIn(in, skb, decision.verdict() == InputRouting.Verdict.BROADCAST, looked);
      case FORWARD -> forward(in, skb, type, decision, looked);
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

  /** ip_local_deliver: the INPUT hook, then the protocol handlers. */
  private void localIn(NetDevice in, Skb skb, boolean broadcast, Cause cause) {
    NetfilterHooks.Passage input = engine.netfilter.run(Hook.INPUT, in.netns(), skb, cause);
    if (input.accepted()) {
      engine.local.deliver(in, skb.packet(), broadcast, input.cause());
    }
  }

  /** ip_forward: only frames sent to our MAC, TTL above 1, fits the MTU unless it may fragment. */
  private void forward(
      NetDevice in, Skb skb, PacketType type, InputRouting.Decision decision, Cause cause) {
    NetNamespace ns = in.netns();
    Ipv4Packet packet = skb.packet();
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
    skb.setPacket(decremented);
    skb.setOut(out);
    NetfilterHooks.Passage forwardHook = engine.netfilter.run(Hook.FORWARD, ns, skb, ttl);
    if (!forwardHook.accepted()) {
      return;
    }
    Ipv4Address nextHop =
        decision.route().gateway() != null ? decision.route().gateway() : packet.dst();
    Cause forwarded =
        engine.step(
            forwardHook.cause(),
            Engine.at(ns),
            StepKind.FORWARD,
            Texts.name(ns)
                + " forwards the packet out of "
                + out.name()
                + " toward "
                + nextHop
                + ".",
            skb.packet());
    output(out, nextHop, skb, forwarded);
  }

  /**
   * ip_local_out: a packet this namespace's own stack or programs send, on the route already
   * decided for it. The OUTPUT hook runs; if it changed the destination (DNAT, REDIRECT) the packet
   * is routed again (ip_route_me_harder) before POSTROUTING.
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
    Skb skb = Skb.local(packet);
    skb.setOut(route.device());
    NetfilterHooks.Passage out = engine.netfilter.run(Hook.OUTPUT, ns, skb, looked);
    if (!out.accepted()) {
      return;
    }
    OutputRouting.Decision chosen = route;
    Cause now = out.cause();
    Ipv4Packet after = skb.packet();
    if (!after.dst().equals(packet.dst())) {
      chosen = engine.outputRouting.decide(ns, after.dst(), after.src(), null);
      if (!chosen.canSend()) {
        engine.drop(
            now,
            Engine.at(ns),
            "OUTPUT changed the destination to "
                + after.dst()
                + ", and routing it again fails: "
                + chosen.why()
                + ".",
            after,
            Disposition.NO_ROUTE);
        return;
      }
      now =
          engine.step(
              now,
              Engine.at(ns),
              StepKind.ROUTE_LOOKUP,
              "OUTPUT changed the destination, so "
                  + Texts.name(ns)
                  + " routes the packet again (ip_route_me_harder): "
                  + chosen.why()
                  + ".",
              after);
      skb.setOut(chosen.device());
    }
    output(chosen.device(), chosen.nextHop(), skb, now);
  }

  /**
   * ip_output: POSTROUTING, then splits a packet bigger than the path MTU (DF clear; the
   * destination reassembles it) and hands it to the neighbour layer, or straight to {@code lo}.
   */
  void output(NetDevice dev, Ipv4Address nextHop, Skb skb, Cause cause) {
    NetNamespace ns = dev.netns();
    skb.setOut(dev);
    NetfilterHooks.Passage post = engine.netfilter.run(Hook.POSTROUTING, ns, skb, cause);
    if (!post.accepted()) {
      return;
    }
    Ipv4Packet packet = skb.packet();
    Cause now = post.cause();
    int mtu = pathMtu(ns, packet.dst(), dev);
    if (packet.totalLength() > mtu) {
      int perFragment = (mtu - Ipv4Packet.HEADER_LENGTH) & ~7;
      int data = packet.totalLength() - Ipv4Packet.HEADER_LENGTH;
      int fragments = (data + perFragment - 1) / perFragment;
      now =
          engine.step(
              now,
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
      engine.links.transmit(dev, new EthernetFrame(dev.mac(), dev.mac(), packet), skb, now);
      return;
    }
    engine.neighbours.output(dev, nextHop, skb, now);
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
