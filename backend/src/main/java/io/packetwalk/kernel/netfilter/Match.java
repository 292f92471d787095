package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code -m} match of a rule. Each knows how to test a packet, how iptables-save spells it
 * ({@link #save}) and what {@code iptables -L} prints for it in the last column ({@link #listing}).
 */
public sealed interface Match {

  boolean test(Evaluation e);

  /** Appends the match as iptables-save prints it, with a leading space. */
  void save(StringBuilder out);

  /** Appends what {@code iptables -L -n} shows for the match (no leading or trailing space). */
  void listing(StringBuilder out);

  /** As {@link #listing(StringBuilder)}; without {@code -n} ports print as service names. */
  default void listing(StringBuilder out, boolean numeric) {
    listing(out);
  }

  /** Whether the match matches every packet, without effects (a rule need not test it). */
  default boolean alwaysMatches() {
    return false;
  }

  /** Whether the match needs conntrack (which it switches on in the namespace). */
  default boolean needsConntrack() {
    return false;
  }

  /** An inclusive port range; {@code first == last} for one port. */
  record PortRange(int first, int last) {

    public boolean contains(int port) {
      return port >= first && port <= last;
    }

    /** {@code 80} or {@code 1000:2000}. */
    public String text() {
      return first == last ? Integer.toString(first) : first + ":" + last;
    }

    /** As {@link #text()}, with service names for {@code protocol} ({@code http:8000}). */
    public String named(String protocol) {
      String low = Services.name(protocol, first);
      return first == last ? low : low + ":" + Services.name(protocol, last);
    }
  }

  private static String bang(boolean inverted) {
    return inverted ? " !" : "";
  }

  /** {@code -m tcp}: ports and flags. */
  record Tcp(
      PortRange srcPorts,
      boolean srcInverted,
      PortRange dstPorts,
      boolean dstInverted,
      Set<TcpSegment.Flag> flagMask,
      Set<TcpSegment.Flag> flagsSet,
      boolean flagsInverted)
      implements Match {

    @Override
    public boolean test(Evaluation e) {
      if (!(e.packet().payload() instanceof TcpSegment tcp)) {
        return false;
      }
      if (srcPorts != null && srcPorts.contains(tcp.srcPort()) == srcInverted) {
        return false;
      }
      if (dstPorts != null && dstPorts.contains(tcp.dstPort()) == dstInverted) {
        return false;
      }
      if (flagMask != null) {
        boolean equal = true;
        for (TcpSegment.Flag flag : flagMask) {
          if (tcp.has(flag) != flagsSet.contains(flag)) {
            equal = false;
          }
        }
        return equal != flagsInverted;
      }
      return true;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m tcp");
      if (srcPorts != null) {
        out.append(bang(srcInverted)).append(" --sport ").append(srcPorts.text());
      }
      if (dstPorts != null) {
        out.append(bang(dstInverted)).append(" --dport ").append(dstPorts.text());
      }
      if (flagMask != null) {
        out.append(bang(flagsInverted))
            .append(" --tcp-flags ")
            .append(TcpFlags.names(flagMask))
            .append(' ')
            .append(TcpFlags.names(flagsSet));
      }
    }

    @Override
    public void listing(StringBuilder out) {
      listing(out, true);
    }

    @Override
    public void listing(StringBuilder out, boolean numeric) {
      List<String> parts = new java.util.ArrayList<>();
      parts.add("tcp");
      if (srcPorts != null) {
        parts.add(ports("spt", srcPorts, srcInverted, "tcp", numeric));
      }
      if (dstPorts != null) {
        parts.add(ports("dpt", dstPorts, dstInverted, "tcp", numeric));
      }
      if (flagMask != null) {
        parts.add(
            "flags:"
                + (flagsInverted ? "!" : "")
                + String.format(
                    Locale.ROOT,
                    "0x%02X/0x%02X",
                    TcpFlags.bits(flagMask),
                    TcpFlags.bits(flagsSet)));
      }
      out.append(String.join(" ", parts));
    }
  }

  private static String ports(
      String word, PortRange range, boolean inverted, String protocol, boolean numeric) {
    String name = range.first() == range.last() ? word : word + "s";
    return name + ":" + (inverted ? "!" : "") + (numeric ? range.text() : range.named(protocol));
  }

  /** {@code -m udp}: ports. */
  record Udp(PortRange srcPorts, boolean srcInverted, PortRange dstPorts, boolean dstInverted)
      implements Match {

    @Override
    public boolean test(Evaluation e) {
      if (!(e.packet().payload() instanceof UdpDatagram udp)) {
        return false;
      }
      if (srcPorts != null && srcPorts.contains(udp.srcPort()) == srcInverted) {
        return false;
      }
      return dstPorts == null || dstPorts.contains(udp.dstPort()) != dstInverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m udp");
      if (srcPorts != null) {
        out.append(bang(srcInverted)).append(" --sport ").append(srcPorts.text());
      }
      if (dstPorts != null) {
        out.append(bang(dstInverted)).append(" --dport ").append(dstPorts.text());
      }
    }

    @Override
    public void listing(StringBuilder out) {
      listing(out, true);
    }

    @Override
    public void listing(StringBuilder out, boolean numeric) {
      out.append("udp");
      if (srcPorts != null) {
        out.append(' ').append(ports("spt", srcPorts, srcInverted, "udp", numeric));
      }
      if (dstPorts != null) {
        out.append(' ').append(ports("dpt", dstPorts, dstInverted, "udp", numeric));
      }
    }
  }

  /** {@code -m icmp --icmp-type}: type and optional code ({@code code < 0}: any). */
  record Icmp(int type, int code, boolean inverted) implements Match {

    /** The type {@code any} is stored as. */
    public static final int ANY_TYPE = 255;

    @Override
    public boolean test(Evaluation e) {
      if (!(e.packet().payload() instanceof IcmpMessage icmp)) {
        return false;
      }
      boolean hit = type == ANY_TYPE || icmp.type() == type && (code < 0 || icmp.code() == code);
      return hit != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m icmp").append(bang(inverted)).append(" --icmp-type ");
      out.append(type == ANY_TYPE ? "any" : Integer.toString(type));
      if (code >= 0) {
        out.append('/').append(code);
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append(inverted ? "icmp !type " : "icmptype ").append(type);
      if (code >= 0) {
        out.append(" code ").append(code);
      }
    }
  }

  /** {@code -m multiport --sports/--dports/--ports}. */
  record Multiport(String which, List<PortRange> ranges, boolean inverted) implements Match {

    @Override
    public boolean test(Evaluation e) {
      int src;
      int dst;
      switch (e.packet().payload()) {
        case TcpSegment tcp -> {
          src = tcp.srcPort();
          dst = tcp.dstPort();
        }
        case UdpDatagram udp -> {
          src = udp.srcPort();
          dst = udp.dstPort();
        }
        default -> {
          return false;
        }
      }
      boolean hit = false;
      for (PortRange range : ranges) {
        hit |=
            switch (which) {
              case "sports" -> range.contains(src);
              case "dports" -> range.contains(dst);
              default -> range.contains(src) || range.contains(dst);
            };
      }
      return hit != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m multiport").append(bang(inverted)).append(" --").append(which).append(' ');
      out.append(String.join(",", ranges.stream().map(PortRange::text).toList()));
    }

    @Override
    public void listing(StringBuilder out) {
      listing(out, true);
    }

    @Override
    public void listing(StringBuilder out, boolean numeric) {
      out.append("multiport ").append(which).append(' ').append(inverted ? "! " : "");
      out.append(
          String.join(",", ranges.stream().map(r -> numeric ? r.text() : r.named("tcp")).toList()));
    }
  }

  /** {@code -m conntrack}: state, original destination and port, status. */
  record Conntrack(
      Set<String> states,
      boolean statesInverted,
      Ipv4Prefix origDst,
      boolean origDstInverted,
      PortRange origDstPort,
      boolean origDstPortInverted,
      Set<String> status,
      boolean statusInverted)
      implements Match {

    @Override
    public boolean test(Evaluation e) {
      ConntrackEntry ct = e.skb().conntrack();
      CtInfo info = e.skb().ctInfo();
      if (states != null && matchesState(states, ct, info) == statesInverted) {
        return false;
      }
      if (origDst != null
          && (ct == null || origDst.contains(ct.original().dst()) == origDstInverted)) {
        return false;
      }
      if (origDstPort != null
          && (ct == null
              || origDstPort.contains(ct.original().destinationPort()) == origDstPortInverted)) {
        return false;
      }
      if (status != null) {
        boolean hit = ct != null && status.stream().anyMatch(s -> hasStatus(ct, s));
        return hit != statusInverted;
      }
      return true;
    }

    private static boolean hasStatus(ConntrackEntry ct, String status) {
      return switch (status) {
        case "EXPECTED" -> false;
        case "SEEN_REPLY" -> ct.seenReply();
        case "ASSURED" -> ct.assured();
        case "CONFIRMED" -> ct.confirmed();
        case "NONE" -> !ct.seenReply() && !ct.assured() && !ct.confirmed();
        default -> false;
      };
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m conntrack");
      if (states != null) {
        out.append(bang(statesInverted)).append(" --ctstate ").append(StateNames.join(states));
      }
      if (origDst != null) {
        out.append(bang(origDstInverted)).append(" --ctorigdst ").append(Rule.prefixText(origDst));
      }
      if (origDstPort != null) {
        out.append(bang(origDstPortInverted))
            .append(" --ctorigdstport ")
            .append(origDstPort.text());
      }
      if (status != null) {
        out.append(bang(statusInverted)).append(" --ctstatus ").append(String.join(",", status));
      }
    }

    @Override
    public void listing(StringBuilder out) {
      List<String> parts = new java.util.ArrayList<>();
      if (states != null) {
        parts.add((statesInverted ? "! " : "") + "ctstate " + StateNames.join(states));
      }
      if (origDst != null) {
        parts.add((origDstInverted ? "! " : "") + "ctorigdst " + Rule.prefixText(origDst));
      }
      if (origDstPort != null) {
        parts.add((origDstPortInverted ? "! " : "") + "ctorigdstport " + origDstPort.text());
      }
      if (status != null) {
        parts.add((statusInverted ? "! " : "") + "ctstatus " + String.join(",", status));
      }
      out.append(String.join(" ", parts));
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** Whether the packet's conntrack state is one of {@code states}. */
  static boolean matchesState(Set<String> states, ConntrackEntry ct, CtInfo info) {
    String name = info.stateName();
    if (states.contains(name)) {
      return true;
    }
    if (ct != null && states.contains("DNAT") && ct.destinationNat()) {
      return true;
    }
    return ct != null && states.contains("SNAT") && ct.sourceNat();
  }

  /** {@code -m state --state}: the older spelling of {@code --ctstate}. */
  record State(Set<String> states, boolean inverted) implements Match {

    @Override
    public boolean test(Evaluation e) {
      return matchesState(states, e.skb().conntrack(), e.skb().ctInfo()) != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m state").append(bang(inverted)).append(" --state ");
      out.append(StateNames.join(states));
    }

    @Override
    public void listing(StringBuilder out) {
      out.append(inverted ? "! state " : "state ").append(StateNames.join(states));
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -m mark --mark value[/mask]}. */
  record Mark(long value, long mask, boolean inverted) implements Match {

    @Override
    public boolean test(Evaluation e) {
      return ((e.skb().mark() & mask) == value) != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m mark").append(bang(inverted)).append(" --mark ").append(Marks.text(value));
      if (mask != 0xffffffffL) {
        out.append('/').append(Marks.text(mask));
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("mark match ").append(inverted ? "! " : "").append(Marks.text(value));
      if (mask != 0xffffffffL) {
        out.append('/').append(Marks.text(mask));
      }
    }
  }

  /** {@code -m connmark --mark value[/mask]}: the conntrack entry's mark. */
  record Connmark(long value, long mask, boolean inverted) implements Match {

    @Override
    public boolean test(Evaluation e) {
      ConntrackEntry ct = e.skb().conntrack();
      long mark = ct == null ? 0 : ct.mark() & 0xffffffffL;
      return ((mark & mask) == value) != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m connmark").append(bang(inverted)).append(" --mark ");
      out.append(Marks.text(value));
      if (mask != 0xffffffffL) {
        out.append('/').append(Marks.text(mask));
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("connmark match ").append(inverted ? "! " : " ").append(Marks.text(value));
      if (mask != 0xffffffffL) {
        out.append('/').append(Marks.text(mask));
      }
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -m comment --comment}: matches everything; only documents the rule. */
  record Comment(String text) implements Match {

    @Override
    public boolean test(Evaluation e) {
      return true;
    }

    @Override
    public boolean alwaysMatches() {
      return true;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m comment --comment ").append(Quoting.saveQuoted(text));
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("/* ").append(text).append(" */");
    }
  }

  /** {@code -m addrtype}: the routing type of the source and/or destination address. */
  record Addrtype(
      Set<String> srcTypes,
      boolean srcInverted,
      Set<String> dstTypes,
      boolean dstInverted,
      boolean limitIfaceIn,
      boolean limitIfaceOut)
      implements Match {

    @Override
    public boolean test(Evaluation e) {
      Ipv4Packet p = e.packet();
      io.packetwalk.kernel.NetDevice limit =
          limitIfaceIn ? e.skb().in() : limitIfaceOut ? e.skb().out() : null;
      if (srcTypes != null && srcTypes.contains(e.addressType(p.src(), limit)) == srcInverted) {
        return false;
      }
      return dstTypes == null || dstTypes.contains(e.addressType(p.dst(), limit)) != dstInverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m addrtype");
      if (srcTypes != null) {
        out.append(bang(srcInverted)).append(" --src-type ").append(String.join(",", srcTypes));
      }
      if (dstTypes != null) {
        out.append(bang(dstInverted)).append(" --dst-type ").append(String.join(",", dstTypes));
      }
      if (limitIfaceIn) {
        out.append(" --limit-iface-in");
      }
      if (limitIfaceOut) {
        out.append(" --limit-iface-out");
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("ADDRTYPE match");
      if (srcTypes != null) {
        out.append(" src-type ").append(srcInverted ? "!" : "").append(String.join(",", srcTypes));
      }
      if (dstTypes != null) {
        out.append(" dst-type ").append(dstInverted ? "!" : "").append(String.join(",", dstTypes));
      }
      if (limitIfaceIn) {
        out.append(" limit-in");
      }
      if (limitIfaceOut) {
        out.append(" limit-out");
      }
    }
  }

  /**
   * {@code -m statistic}: random with a 31-bit threshold (drawn from the world's seeded generator),
   * or every nth packet.
   */
  final class Statistic implements Match {

    private final boolean random;
    private final long threshold;
    private final int every;
    private final int startPacket;
    private final boolean inverted;
    private int counter;

    private Statistic(boolean random, long threshold, int every, int packet, boolean inverted) {
      this.random = random;
      this.threshold = threshold;
      this.every = every;
      this.startPacket = packet;
      this.counter = packet;
      this.inverted = inverted;
    }

    /** {@code --mode random --probability p}: stored as iptables stores it, a 31-bit threshold. */
    public static Statistic random(double probability, boolean inverted) {
      long threshold = (long) Math.ceil(probability * 0x80000000L);
      return new Statistic(true, Math.min(threshold, 0x80000000L), 0, 0, inverted);
    }

    /** {@code --mode nth --every n --packet p}. */
    public static Statistic nth(int every, int packet, boolean inverted) {
      return new Statistic(false, 0, every, packet, inverted);
    }

    /** The probability iptables-save prints back: the threshold over 2^31, 11 decimals. */
    public String probabilityText() {
      return String.format(Locale.ROOT, "%.11f", threshold / (double) 0x80000000L);
    }

    @Override
    public boolean test(Evaluation e) {
      boolean hit;
      if (random) {
        hit = (e.random().nextInt() & 0x7fffffff) < threshold;
      } else {
        hit = counter == every - 1;
        counter = hit ? 0 : counter + 1;
      }
      return hit != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m statistic --mode ").append(random ? "random" : "nth");
      if (random) {
        out.append(bang(inverted)).append(" --probability ").append(probabilityText());
      } else {
        out.append(bang(inverted)).append(" --every ").append(every);
        out.append(" --packet ").append(startPacket);
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("statistic mode ").append(random ? "random" : "nth");
      if (random) {
        out.append(inverted ? " !" : "").append(" probability ").append(probabilityText());
      } else {
        out.append(inverted ? " !" : "").append(" every ").append(every);
        if (startPacket != 0) {
          out.append(" packet ").append(startPacket);
        }
      }
    }
  }

  /** {@code -m physdev}: the bridge ports of a bridged packet. */
  record Physdev(
      String in,
      boolean inInverted,
      String out,
      boolean outInverted,
      Boolean isIn,
      Boolean isOut,
      Boolean isBridged)
      implements Match {

    @Override
    public boolean test(Evaluation e) {
      io.packetwalk.kernel.NetDevice physIn = e.skb().physIn();
      io.packetwalk.kernel.NetDevice physOut = e.skb().physOut();
      if (in != null && (physIn != null && Interfaces.matches(in, physIn.name())) == inInverted) {
        return false;
      }
      if (out != null
          && (physOut != null && Interfaces.matches(out, physOut.name())) == outInverted) {
        return false;
      }
      if (isIn != null && (physIn != null) != isIn) {
        return false;
      }
      if (isOut != null && (physOut != null) != isOut) {
        return false;
      }
      return isBridged == null || (physIn != null && physOut != null) == isBridged;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m physdev");
      if (in != null) {
        out.append(bang(inInverted)).append(" --physdev-in ").append(in);
      }
      if (this.out != null) {
        out.append(bang(outInverted)).append(" --physdev-out ").append(this.out);
      }
      flag(out, isIn, " --physdev-is-in");
      flag(out, isOut, " --physdev-is-out");
      flag(out, isBridged, " --physdev-is-bridged");
    }

    private static void flag(StringBuilder out, Boolean value, String option) {
      if (value != null) {
        out.append(value ? "" : " !").append(option);
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("PHYSDEV match");
      if (in != null) {
        out.append(inInverted ? " !" : "").append(" --physdev-in ").append(in);
      }
      if (this.out != null) {
        out.append(outInverted ? " !" : "").append(" --physdev-out ").append(this.out);
      }
      flag(out, isIn, " --physdev-is-in");
      flag(out, isOut, " --physdev-is-out");
      flag(out, isBridged, " --physdev-is-bridged");
    }
  }

  /** {@code -m set --match-set NAME src,dst}: membership in an ipset. */
  record SetMember(String name, List<String> directions, boolean inverted) implements Match {

    @Override
    public boolean test(Evaluation e) {
      return e.sets().contains(name, directions, e.packet()) != inverted;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m set").append(bang(inverted)).append(" --match-set ").append(name);
      out.append(' ').append(String.join(",", directions));
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("match-set ")
          .append(inverted ? "! " : "")
          .append(name)
          .append(' ')
          .append(String.join(",", directions));
    }
  }

  /**
   * {@code -m limit}: a token bucket in virtual time, {@code burst} tokens refilled one per {@code
   * intervalNs}.
   */
  final class Limit implements Match {

    private final long intervalNs;
    private final String rateText;
    private final int burst;
    private double tokens;
    private long lastNs = Long.MIN_VALUE;

    public Limit(long intervalNs, String rateText, int burst) {
      this.intervalNs = intervalNs;
      this.rateText = rateText;
      this.burst = burst;
      this.tokens = burst;
    }

    @Override
    public boolean test(Evaluation e) {
      long now = e.nowNs();
      if (lastNs != Long.MIN_VALUE) {
        tokens = Math.min(burst, tokens + (now - lastNs) / (double) intervalNs);
      }
      lastNs = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -m limit --limit ").append(rateText);
      if (burst != 5) {
        out.append(" --limit-burst ").append(burst);
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("limit: avg ").append(rateText).append(" burst ").append(burst);
    }
  }
}
