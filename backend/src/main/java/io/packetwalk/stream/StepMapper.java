package io.packetwalk.stream;

import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.OpaqueData;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.UdpPayload;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.net.packet.VxlanPayload;
import io.packetwalk.stream.protocol.Protocol.ArpHeader;
import io.packetwalk.stream.protocol.Protocol.EthernetHeader;
import io.packetwalk.stream.protocol.Protocol.Header;
import io.packetwalk.stream.protocol.Protocol.IcmpHeader;
import io.packetwalk.stream.protocol.Protocol.Ipv4Header;
import io.packetwalk.stream.protocol.Protocol.LocationView;
import io.packetwalk.stream.protocol.Protocol.NetfilterView;
import io.packetwalk.stream.protocol.Protocol.StateChangeView;
import io.packetwalk.stream.protocol.Protocol.StepView;
import io.packetwalk.stream.protocol.Protocol.TcpHeader;
import io.packetwalk.stream.protocol.Protocol.UdpHeader;
import io.packetwalk.stream.protocol.Protocol.VlanHeader;
import io.packetwalk.stream.protocol.Protocol.VxlanHeader;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.NetfilterPlace;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A trace step as the protocol shows it: the packet's headers after the step, outermost first. */
final class StepMapper {

  private StepMapper() {}

  static StepView view(Step step) {
    Location where = step.location();
    return new StepView(
        step.seq(),
        step.causeSeq(),
        step.timeNs(),
        location(where),
        step.kind().name(),
        step.sentence(),
        headers(step.packet()),
        step.disposition() == null ? null : step.disposition().name(),
        step.changes().stream().map(StepMapper::change).toList(),
        step.details());
  }

  static LocationView location(Location where) {
    NetfilterPlace place = where.netfilter();
    return new LocationView(
        where.host(),
        where.netns(),
        where.device(),
        place == null
            ? null
            : new NetfilterView(
                place.hook(), place.table(), place.chain(), place.rule(), place.ruleText()));
  }

  /** A state change; its location is the namespace's (netfilter places stay on the step). */
  static StateChangeView change(StateChange change) {
    String kind =
        switch (change) {
          case StateChange.Neighbour n -> "neighbour";
          case StateChange.Fdb f -> "fdb";
          case StateChange.Conntrack c -> "conntrack";
          case StateChange.Counter c -> "counter";
        };
    Location where = change.where();
    return new StateChangeView(
        kind,
        new LocationView(where.host(), where.netns(), where.device()),
        change.key(),
        change.before(),
        change.after());
  }

  /** The packet's headers, outermost first; a tunnel's inner headers follow one level deeper. */
  static List<Header> headers(Packet packet) {
    List<Header> headers = new ArrayList<>();
    switch (packet) {
      case null -> {}
      case EthernetFrame frame -> addFrame(headers, frame, 0);
      case Ipv4Packet ip -> addIpv4(headers, ip, 0);
    }
    return headers;
  }

  private static void addFrame(List<Header> headers, EthernetFrame frame, int depth) {
    String etherType = frame.payload().etherTypeName();
    VlanTag tag = frame.vlan();
    headers.add(
        new EthernetHeader(
            frame.src().toString(),
            frame.dst().toString(),
            tag == null ? etherType : "802.1Q",
            depth));
    if (tag != null) {
      headers.add(new VlanHeader(tag.vid(), tag.pcp(), tag.dei(), etherType, depth));
    }
    switch (frame.payload()) {
      case ArpPacket arp -> headers.add(arp(arp, depth));
      case Ipv4Packet ip -> addIpv4(headers, ip, depth);
    }
  }

  private static ArpHeader arp(ArpPacket arp, int depth) {
    return new ArpHeader(
        arp.op().name().toLowerCase(Locale.ROOT),
        arp.senderMac().toString(),
        arp.senderIp().toString(),
        arp.targetMac().toString(),
        arp.targetIp().toString(),
        depth);
  }

  private static void addIpv4(List<Header> headers, Ipv4Packet ip, int depth) {
    headers.add(
        new Ipv4Header(
            ip.src().toString(),
            ip.dst().toString(),
            ip.ttl(),
            ip.payload().protocolName(),
            ip.id(),
            ip.totalLength(),
            depth));
    switch (ip.payload()) {
      case IcmpMessage icmp ->
          headers.add(
              new IcmpHeader(
                  icmp.type(), icmp.code(), icmp.description(), icmp.id(), icmp.sequence(), depth));
      case TcpSegment tcp ->
          headers.add(new TcpHeader(tcp.srcPort(), tcp.dstPort(), tcp.flagLetters(), depth));
      case UdpDatagram udp -> {
        headers.add(new UdpHeader(udp.srcPort(), udp.dstPort(), udp.length(), depth));
        addCarried(headers, udp.payload(), depth);
      }
    }
  }

  /** What a datagram carries, if it is a packet: its headers one level deeper. */
  private static void addCarried(List<Header> headers, UdpPayload payload, int depth) {
    switch (payload) {
      case OpaqueData data -> {}
      case VxlanPayload vxlan -> {
        headers.add(new VxlanHeader(VxlanPayload.FLAGS, vxlan.vni(), depth));
        addFrame(headers, vxlan.inner(), depth + 1);
      }
      case CarriedIpPacket carried -> addIpv4(headers, carried.inner(), depth + 1);
    }
  }
}
