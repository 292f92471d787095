package io.packetwalk.stream;

import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
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

  static List<Header> headers(Packet packet) {
    List<Header> headers = new ArrayList<>();
    switch (packet) {
      case null -> {}
      case EthernetFrame frame -> {
        headers.add(
            new EthernetHeader(
                frame.src().toString(), frame.dst().toString(), frame.payload().etherTypeName()));
        switch (frame.payload()) {
          case ArpPacket arp -> headers.add(arp(arp));
          case Ipv4Packet ip -> addIpv4(headers, ip);
        }
      }
      case Ipv4Packet ip -> addIpv4(headers, ip);
    }
    return headers;
  }

  private static ArpHeader arp(ArpPacket arp) {
    return new ArpHeader(
        arp.op().name().toLowerCase(Locale.ROOT),
        arp.senderMac().toString(),
        arp.senderIp().toString(),
        arp.targetMac().toString(),
        arp.targetIp().toString());
  }

  private static void addIpv4(List<Header> headers, Ipv4Packet ip) {
    headers.add(
        new Ipv4Header(
            ip.src().toString(),
            ip.dst().toString(),
            ip.ttl(),
            ip.payload().protocolName(),
            ip.id(),
            ip.totalLength()));
    headers.add(
        switch (ip.payload()) {
          case IcmpMessage icmp ->
              new IcmpHeader(
                  icmp.type(), icmp.code(), icmp.description(), icmp.id(), icmp.sequence());
          case UdpDatagram udp -> new UdpHeader(udp.srcPort(), udp.dstPort(), udp.length());
          case TcpSegment tcp -> new TcpHeader(tcp.srcPort(), tcp.dstPort(), tcp.flagLetters());
        });
  }
}
