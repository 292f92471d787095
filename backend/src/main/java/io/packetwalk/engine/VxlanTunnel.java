package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanFdbEntry;
import io.packetwalk.kernel.VxlanRemote;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.IpPayload;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VxlanPayload;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.List;
import java.util.Optional;

/**
 * The VXLAN driver (drivers/net/vxlan): a VTEP's transmit looks the inner destination MAC up in its
 * forwarding table and wraps the frame in VXLAN, UDP and IPv4 toward each remote VTEP, sent from
 * the namespace the device was made in; a datagram to a VXLAN port is unwrapped, its sender
 * learned, and the inner frame received on the device with that VNI.
 */
final class VxlanTunnel {

  /** The kernel's default ip_local_port_range, the outer source ports when none are set. */
  private static final int PORT_LOW = 32768;

  private static final int PORT_HIGH = 60999;

  private final Engine engine;

  VxlanTunnel(Engine engine) {
    this.engine = engine;
  }

  /** vxlan_xmit(): the FDB lookup, then one wrapped copy per remote. */
  void transmit(NetDevice vtep, VxlanState state, EthernetFrame inner, Cause cause) {
    if (state.config().proxy() && inner.payload() instanceof ArpPacket arp) {
      answerArp(vtep, state, inner, arp, cause);
      return;
    }
    long now = engine.now();
    MacAddress dst = inner.dst();
    Optional<VxlanFdbEntry> exact = state.lookup(dst, now);
    Optional<VxlanFdbEntry> chosen = exact.isPresent() ? exact : state.lookup(MacAddress.ZERO, now);
    if (chosen.isEmpty()) {
      vtep.counters().droppedOnTransmit();
      engine.drop(
          cause,
          Engine.at(vtep),
          Texts.name(vtep)
              + " has no forwarding entry for "
              + dst
              + " and no default (00:00:00:00:00:00) entry: it does not know which VTEP to send"
              + " the frame to, so it drops it"
              + (state.config().l2miss() ? " (and tells listeners of l2miss)." : "."),
          inner,
          Disposition.VXLAN_NO_FDB);
      return;
    }
    VxlanFdbEntry entry = chosen.get();
    List<VxlanRemote> remotes = entry.remotes();
    Cause looked =
        engine.step(
            cause,
            Engine.at(vtep),
            StepKind.VXLAN_FDB_LOOKUP,
            Texts.name(vtep)
                + " looks up "
                + dst
                + " in its forwarding table: "
                + (exact.isPresent()
                    ? "the entry sends it to VTEP " + addresses(remotes) + "."
                    : "no entry of its own, so the default entry sends it to "
                        + (remotes.size() == 1
                            ? "VTEP " + addresses(remotes)
                            : "each of " + addresses(remotes) + " (head-end replication)")
                        + "."),
            inner);
    for (VxlanRemote remote : remotes) {
      wrap(vtep, state.config(), state.underlay(), remote, inner, looked);
    }
  }

  /**
   * arp_reduce(): a VTEP with {@code proxy} sends no ARP into the tunnel. It answers a request
   * itself from its own neighbour table (an entry that is reachable or permanent); anything else
   * ARP it drops (the l3miss notification for an unknown address is not simulated).
   */
  private void answerArp(
      NetDevice vtep, VxlanState state, EthernetFrame frame, ArpPacket arp, Cause cause) {
    Optional<NeighbourEntry> known =
        arp.op() == ArpPacket.Op.REQUEST
            ? vtep.netns()
                .neighbours()
                .find(arp.targetIp(), vtep)
                .filter(n -> n.state() == NudState.REACHABLE || n.state() == NudState.PERMANENT)
            : Optional.empty();
    if (known.isEmpty()) {
      engine.drop(
          cause,
          Engine.at(vtep),
          Texts.name(vtep)
              + " suppresses ARP (proxy): it sends none into the tunnel, and "
              + (arp.op() == ArpPacket.Op.REQUEST
                  ? "has no reachable neighbour entry for " + arp.targetIp() + " to answer from"
                  : "a reply has nobody to go to")
              + ", so the ARP packet is dropped.",
          frame,
          Disposition.VXLAN_NO_FDB);
      return;
    }
    MacAddress answer = known.get().lladdr();
    EthernetFrame reply =
        new EthernetFrame(
            answer,
            arp.senderMac(),
            new ArpPacket(
                ArpPacket.Op.REPLY, answer, arp.targetIp(), arp.senderMac(), arp.senderIp()));
    Cause answered =
        engine.step(
            cause,
            Engine.at(vtep),
            StepKind.ARP_PROXY_REPLY,
            Texts.name(vtep)
                + " answers the ARP request for "
                + arp.targetIp()
                + " itself (proxy): its neighbour table says "
                + answer
                + ", so no request crosses the tunnel.",
            reply);
    engine.pipeline.receive(vtep, reply, answered);
  }

  private static String addresses(List<VxlanRemote> remotes) {
    return String.join(", ", remotes.stream().map(r -> r.address().toString()).toList());
  }

  /** vxlan_xmit_one(): route the outer packet in the underlay, wrap, and send it out. */
  private void wrap(
      NetDevice vtep,
      VxlanConfig config,
      NetNamespace underlay,
      VxlanRemote remote,
      EthernetFrame inner,
      Cause cause) {
    Ipv4Address dst = remote.address();
    int port = remote.port() != 0 ? remote.port() : config.dstPort();
    int vni = remote.vni() >= 0 ? remote.vni() : config.vni();
    NetDevice oif = remote.via();
    OutputRouting.Decision route = engine.outputRouting.decide(underlay, dst, config.local(), oif);
    if (!route.canSend()) {
      vtep.counters().droppedOnTransmit();
      engine.drop(
          cause,
          Engine.at(vtep),
          "The underlay of "
              + Texts.name(vtep)
              + " has no way to VTEP "
              + dst
              + ": "
              + route.why()
              + ", so the wrapped frame cannot be sent.",
          inner,
          Disposition.NO_ROUTE);
      return;
    }
    if (route.device() == vtep) {
      vtep.counters().droppedOnTransmit();
      engine.drop(
          cause,
          Engine.at(vtep),
          "The route to VTEP "
              + dst
              + " goes out of "
              + Texts.name(vtep)
              + " itself: sending would wrap the packet forever, so the kernel drops it.",
          inner,
          Disposition.NO_ROUTE);
      return;
    }
    Ipv4Address source = config.local() != null ? config.local() : route.source();
    if (tooBigForUnderlay(vtep, route.device(), inner, cause)) {
      return;
    }
    int ttl = ttl(config, dst, inner);
    int srcPort = sourcePort(config, inner);
    Ipv4Packet outer =
        new Ipv4Packet(
            source,
            dst,
            ttl,
            engine.nextIpId(),
            false,
            new UdpDatagram(srcPort, port, new VxlanPayload(vni, inner)));
    Cause wrapped =
        engine.step(
            cause,
            Engine.at(vtep),
            StepKind.ENCAPSULATE,
            Texts.name(vtep)
                + " wraps the "
                + inner.length()
                + "-byte frame in a VXLAN header (VNI "
                + vni
                + "), UDP "
                + srcPort
                + " → "
                + port
                + " and IPv4 "
                + source
                + " → "
                + dst
                + ": "
                + VxlanPayload.OVERHEAD
                + " bytes more than the inner packet, sent by the underlay of "
                + Texts.name(underlay)
                + ".",
            outer);
    vtep.counters().transmitted(inner.length() - EthernetFrame.HEADER_LENGTH);
    engine.pipeline.sendLocal(route, outer, wrapped);
  }

  /**
   * skb_tunnel_check_pmtu(): an inner IPv4 packet with Don't Fragment that would not fit the
   * underlay device once wrapped is refused with "fragmentation needed" for the inner sender.
   */
  private boolean tooBigForUnderlay(
      NetDevice vtep, NetDevice underlayDev, EthernetFrame inner, Cause cause) {
    if (!(inner.payload() instanceof Ipv4Packet packet) || !packet.dontFragment()) {
      return false;
    }
    int room = underlayDev.mtu() - VxlanPayload.OVERHEAD;
    if (packet.totalLength() <= room) {
      return false;
    }
    Cause dropped =
        engine.drop(
            cause,
            Engine.at(vtep),
            "Wrapped, the "
                + packet.totalLength()
                + "-byte packet would not fit the underlay's MTU of "
                + underlayDev.mtu()
                + " ("
                + room
                + " bytes are left for it), and Don't Fragment is set: "
                + Texts.name(vtep)
                + " drops it and tells "
                + packet.src()
                + " the MTU is "
                + room
                + ".",
            packet,
            Disposition.FRAG_NEEDED);
    engine.icmp.sendError(
        vtep.netns(),
        packet,
        IcmpMessage.DEST_UNREACHABLE,
        IcmpMessage.CODE_FRAG_NEEDED,
        room,
        false,
        dropped);
    return true;
  }

  /** The outer TTL: set, inherited from the inner packet, or the default (1 for a group). */
  private static int ttl(VxlanConfig config, Ipv4Address dst, EthernetFrame inner) {
    if (config.ttl() > 0) {
      return config.ttl();
    }
    if (config.ttl() < 0 && inner.payload() instanceof Ipv4Packet packet) {
      return packet.ttl();
    }
    return dst.isMulticast() ? 1 : IcmpSender.DEFAULT_TTL;
  }

  /**
   * udp_flow_src_port(): a hash of the inner flow scaled into the source port range, so one flow
   * keeps one outer port (and ECMP in the underlay keeps its packets together).
   */
  static int sourcePort(VxlanConfig config, EthernetFrame inner) {
    int low = config.srcPortLow();
    int high = config.srcPortHigh();
    if (low == 0 && high == 0) {
      low = PORT_LOW;
      high = PORT_HIGH;
    }
    long hash = flowHash(inner) & 0xffff_ffffL;
    return (int) ((hash * (high - low)) >>> 32) + low;
  }

  private static int flowHash(EthernetFrame inner) {
    int h = 0x9e37_79b9;
    if (inner.payload() instanceof Ipv4Packet packet) {
      h = mix(h, packet.src().bits());
      h = mix(h, packet.dst().bits());
      IpPayload payload = packet.payload();
      h = mix(h, payload.protocolNumber());
      switch (payload) {
        case UdpDatagram udp -> h = mix(h, udp.srcPort() << 16 | udp.dstPort());
        case TcpSegment tcp -> h = mix(h, tcp.srcPort() << 16 | tcp.dstPort());
        default -> {}
      }
    } else {
      h = mix(h, inner.src().hashCode());
      h = mix(h, inner.dst().hashCode());
    }
    return h;
  }

  private static int mix(int h, int value) {
    int k = value * 0xcc9e_2d51;
    k = Integer.rotateLeft(k, 15) * 0x1b87_3593;
    h ^= k;
    return Integer.rotateLeft(h, 13) * 5 + 0xe654_6b64;
  }

  /**
   * vxlan_rcv(): a datagram to a VXLAN port of {@code ns}. Returns false when no VXLAN device
   * listens on that port there (the datagram is for an ordinary socket, if any).
   */
  boolean receive(NetNamespace ns, Ipv4Packet outer, UdpDatagram datagram, Cause cause) {
    List<NetDevice> listening = listeners(ns, datagram.dstPort());
    if (listening.isEmpty()) {
      return false;
    }
    if (!(datagram.payload() instanceof VxlanPayload vxlan)) {
      engine.drop(
          cause,
          Engine.at(ns),
          "UDP port "
              + datagram.dstPort()
              + " of "
              + Texts.name(ns)
              + " belongs to VXLAN, and this datagram has no valid VXLAN header: dropped.",
          outer,
          Disposition.VXLAN_BAD_VNI);
      return true;
    }
    Optional<NetDevice> target =
        listening.stream()
            .filter(dev -> ((DeviceKind.Vxlan) dev.kind()).state().config().vni() == vxlan.vni())
            .findFirst();
    if (target.isEmpty() || !target.get().isAdminUp()) {
      engine.drop(
          cause,
          Engine.at(ns),
          "A VXLAN packet for VNI "
              + vxlan.vni()
              + " reaches port "
              + datagram.dstPort()
              + " of "
              + Texts.name(ns)
              + ", but no "
              + (target.isEmpty() ? "" : "up ")
              + "VXLAN device there has that VNI: dropped.",
          outer,
          Disposition.VXLAN_BAD_VNI);
      return true;
    }
    NetDevice vtep = target.get();
    VxlanState state = ((DeviceKind.Vxlan) vtep.kind()).state();
    EthernetFrame inner = vxlan.inner();
    Cause unwrapped =
        engine.step(
            cause,
            Engine.at(vtep),
            StepKind.DECAPSULATE,
            Texts.name(vtep)
                + " takes the VXLAN packet (VNI "
                + vxlan.vni()
                + ") from VTEP "
                + outer.src()
                + " and unwraps it: the outer IPv4, UDP and VXLAN headers go, the inner frame from "
                + inner.src()
                + " is received on "
                + vtep.name()
                + ".",
            inner);
    VxlanState.Snoop snoop = state.snoop(inner.src(), outer.src(), engine.now());
    switch (snoop) {
      case STATIC_MISMATCH -> {
        vtep.counters().droppedOnReceive();
        engine.drop(
            unwrapped,
            Engine.at(vtep),
            "A permanent forwarding entry of "
                + Texts.name(vtep)
                + " puts "
                + inner.src()
                + " behind another VTEP than "
                + outer.src()
                + "; the kernel does not move permanent entries, so it drops the packet.",
            inner,
            Disposition.VXLAN_NO_FDB);
        return true;
      }
      case LEARNED ->
          unwrapped =
              engine.step(
                  unwrapped,
                  Engine.at(vtep),
                  StepKind.VXLAN_FDB_LOOKUP,
                  Texts.name(vtep)
                      + " learns that "
                      + inner.src()
                      + " lives behind VTEP "
                      + outer.src()
                      + " (a forwarding entry that ages out after "
                      + state.config().ageingSeconds()
                      + " s).",
                  inner);
      case KNOWN -> {}
    }
    engine.pipeline.receive(vtep, inner, unwrapped);
    return true;
  }

  /** The VXLAN devices whose socket is UDP {@code port} in {@code ns} (vxlan_find_sock). */
  private static List<NetDevice> listeners(NetNamespace ns, int port) {
    return ns.host().devicesOf(DeviceKind.Vxlan.class).stream()
        .filter(dev ->
            dev.kind() instanceof DeviceKind.Vxlan(VxlanState state)
                && state.underlay() == ns
                && state.config().dstPort() == port
                && dev.isAdminUp())
        .toList();
  }
}
