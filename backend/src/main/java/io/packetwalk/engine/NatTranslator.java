package io.packetwalk.engine;

import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.ConntrackTable;
import io.packetwalk.kernel.netfilter.CtInfo;
import io.packetwalk.kernel.netfilter.CtTuple;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import java.util.Optional;

/**
 * NAT as conntrack applies it (nf_nat_setup_info, nf_nat_packet): a NAT rule binds the first
 * packet's connection to new addresses and ports (changing the entry's reply tuple), and from then
 * on every packet of the connection, both ways, is rewritten from the entry, never from the rules.
 */
final class NatTranslator {

  private static final Ipv4Address LOOPBACK = Ipv4Address.of(127, 0, 0, 1);

  private final Engine engine;

  NatTranslator(Engine engine) {
    this.engine = engine;
  }

  /**
   * Binds the connection as the NAT target says; empty when it cannot (no address to masquerade
   * from, no free port), with the reason.
   */
  Optional<String> bind(NetNamespace ns, Hook hook, Skb skb, Target target) {
    ConntrackEntry entry = skb.conntrack();
    CtTuple original = entry.original();
    ConntrackTable table = ns.netfilter().conntrack();
    switch (target) {
      case Target.Dnat dnat -> {
        Ipv4Address address = pick(dnat.to(), original);
        int port =
            dnat.to().hasPorts()
                ? portIn(dnat.to().firstPort(), dnat.to().lastPort(), original.destinationPort())
                : original.destinationPort();
        entry.natDestination(address != null ? address : original.dst(), port);
      }
      case Target.Redirect redirect -> {
        Ipv4Address address = redirectAddress(hook, skb);
        if (address == null) {
          return Optional.of("the incoming device has no address to redirect to");
        }
        int port =
            redirect.firstPort() > 0
                ? portIn(redirect.firstPort(), redirect.lastPort(), original.destinationPort())
                : original.destinationPort();
        entry.natDestination(address, port);
      }
      case Target.Snat snat -> {
        Ipv4Address address = pick(snat.to(), original);
        return natSource(
            table,
            entry,
            address,
            snat.to().hasPorts() ? snat.to().firstPort() : 0,
            snat.to().hasPorts() ? snat.to().lastPort() : 0,
            snat.randomFully(),
            false);
      }
      case Target.Masquerade masquerade -> {
        Optional<Ipv4Address> address = masqueradeAddress(ns, skb);
        if (address.isEmpty()) {
          return Optional.of(
              skb.out() == null
                  ? "there is no outgoing device"
                  : skb.out().name() + " has no IPv4 address to masquerade as");
        }
        entry.masqueradeVia(skb.out().ifindex());
        return natSource(
            table,
            entry,
            address.get(),
            masquerade.firstPort(),
            masquerade.lastPort(),
            masquerade.randomFully(),
            true);
      }
      default -> throw new IllegalArgumentException("not a NAT target: " + target);
    }
    return Optional.empty();
  }

  private Optional<String> natSource(
      ConntrackTable table,
      ConntrackEntry entry,
      Ipv4Address address,
      int firstPort,
      int lastPort,
      boolean randomFully,
      boolean masquerade) {
    CtTuple original = entry.original();
    int port = original.srcPort();
    int low = firstPort;
    int high = lastPort;
    if (low == 0) {
      low = port < 512 ? 1 : port < 1024 ? 600 : 1024;
      high = port < 512 ? 511 : port < 1024 ? 1023 : 65535;
    }
    boolean free =
        port >= low && port <= high && !randomFully && isFree(table, entry, address, port);
    if (!free) {
      int span = high - low + 1;
      int start = low + (randomFully ? engine.world.random().nextInt(span) : 0);
      port = -1;
      for (int i = 0; i < span; i++) {
        int candidate = low + (start - low + i) % span;
        if (isFree(table, entry, address, candidate)) {
          port = candidate;
          break;
        }
      }
      if (port < 0) {
        return Optional.of("no free source port is left on " + address);
      }
    }
    entry.natSource(address, port, masquerade);
    return Optional.empty();
  }

  /** Whether replies to {@code address}:{@code port} would reach no other connection. */
  private static boolean isFree(
      ConntrackTable table, ConntrackEntry entry, Ipv4Address address, int port) {
    CtTuple reply = entry.reply();
    CtTuple candidate =
        reply.protocol() == CtTuple.ICMP
            ? new CtTuple(reply.protocol(), reply.src(), address, port, reply.dstPort())
            : new CtTuple(reply.protocol(), reply.src(), address, reply.srcPort(), port);
    return !table.inUse(candidate);
  }

  private static Ipv4Address pick(Target.NatRange range, CtTuple original) {
    if (!range.hasAddress()) {
      return null;
    }
    long span = range.last().unsigned() - range.first().unsigned() + 1;
    if (span <= 1) {
      return range.first();
    }
    long hash = Integer.toUnsignedLong(original.src().bits() * 0x9e3779b1);
    return range.first().plus((int) (hash % span));
  }

  private static int portIn(int first, int last, int current) {
    return current >= first && current <= last ? current : first;
  }

  private static Ipv4Address redirectAddress(Hook hook, Skb skb) {
    if (hook == Hook.OUTPUT) {
      return LOOPBACK;
    }
    NetDevice in = skb.in();
    if (in == null) {
      return null;
    }
    return in.primaryAddresses().stream().map(InterfaceAddress::local).findFirst().orElse(null);
  }

  private Optional<Ipv4Address> masqueradeAddress(NetNamespace ns, Skb skb) {
    NetDevice out = skb.out();
    if (out == null) {
      return Optional.empty();
    }
    OutputRouting.Decision route = engine.outputRouting.decide(ns, skb.packet().dst(), null, out);
    Ipv4Address source = route.source();
    if (source == null || source.isZero()) {
      return out.primaryAddresses().stream().map(InterfaceAddress::local).findFirst();
    }
    return Optional.of(source);
  }

  /**
   * nf_nat_packet: rewrites the packet from its connection's bindings, for the manipulation this
   * hook does (destination at PREROUTING and OUTPUT, source at INPUT and POSTROUTING). Returns the
   * packet unchanged when nothing applies.
   */
  Ipv4Packet translate(Hook hook, Skb skb) {
    ConntrackEntry entry = skb.conntrack();
    CtInfo info = skb.ctInfo();
    if (entry == null || (!entry.sourceNat() && !entry.destinationNat())) {
      return skb.packet();
    }
    boolean destination = hook.rewritesDestination();
    boolean reply = info.isReply();
    boolean applies = (destination != reply) ? entry.destinationNat() : entry.sourceNat();
    if (!applies) {
      return skb.packet();
    }
    CtTuple target = (reply ? entry.original() : entry.reply()).inverted();
    Ipv4Packet packet = skb.packet();
    if (info == CtInfo.RELATED || info == CtInfo.RELATED_REPLY) {
      return translateError(packet, entry, reply, destination, target);
    }
    return manip(packet, target, destination);
  }

  /** An ICMP error: the quoted packet gets the opposite rewrite, the outer header this one. */
  private static Ipv4Packet translateError(
      Ipv4Packet packet, ConntrackEntry entry, boolean reply, boolean destination, CtTuple target) {
    if (!(packet.payload() instanceof IcmpMessage icmp) || icmp.quoted() == null) {
      return packet;
    }
    CtTuple innerTarget = reply ? entry.original() : entry.reply();
    Ipv4Packet inner = manip(icmp.quoted(), innerTarget, !destination);
    IcmpMessage rewritten =
        new IcmpMessage(
            icmp.type(),
            icmp.code(),
            icmp.id(),
            icmp.sequence(),
            icmp.dataLength(),
            inner,
            icmp.nextHopMtu());
    Ipv4Packet outer = packet.withPayload(rewritten);
    return destination ? outer.withDestination(target.dst()) : outer.withSource(target.src());
  }

  /**
   * Sets the destination (or source) address and port of {@code packet} to {@code target}'s; an
   * echo message always takes the target's id (icmp_manip_pkt does so for either kind).
   */
  static Ipv4Packet manip(Ipv4Packet packet, CtTuple target, boolean destination) {
    Ipv4Packet moved =
        destination ? packet.withDestination(target.dst()) : packet.withSource(target.src());
    return switch (moved.payload()) {
      case TcpSegment tcp ->
          moved.withPayload(
              destination
                  ? tcp.withPorts(tcp.srcPort(), target.dstPort())
                  : tcp.withPorts(target.srcPort(), tcp.dstPort()));
      case UdpDatagram udp ->
          moved.withPayload(
              destination
                  ? udp.withPorts(udp.srcPort(), target.dstPort())
                  : udp.withPorts(target.srcPort(), udp.dstPort()));
      case IcmpMessage icmp when icmp.isEcho() ->
          moved.withPayload(
              new IcmpMessage(
                  icmp.type(),
                  icmp.code(),
                  target.srcPort(),
                  icmp.sequence(),
                  icmp.dataLength(),
                  icmp.quoted(),
                  icmp.nextHopMtu()));
      default -> moved;
    };
  }
}
