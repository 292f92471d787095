package io.packetwalk.shell.traffic;

import io.packetwalk.engine.CaptureRead;
import io.packetwalk.engine.CapturedFrame;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.net.packet.VxlanPayload;
import io.packetwalk.shell.GetOpt;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code tcpdump -i DEV [-n] [-c N] [-e] [-t] [EXPRESSION]}: prints, in tcpdump's one-line format,
 * the frames that crossed the device since the last tcpdump on it (a capture that waited for
 * traffic would never end in a script), timestamps taken from virtual time. Expressions: {@code
 * icmp}, {@code arp}, {@code ip}, {@code tcp}, {@code udp}, {@code vlan [ID]}, {@code host|src|dst
 * ADDR}, {@code port N}, joined with {@code and}. The IP filters see through an 802.1Q tag, as on
 * Linux, where the kernel keeps a tag beside the frame for packet sockets; {@code vlan} matches
 * tagged frames.
 */
public final class TcpdumpCommand implements Tool {

  private static final String SPEC = "c:ei:lnNqtvD";

  @Override
  public int run(ToolContext context, List<String> argv) {
    GetOpt opts;
    try {
      opts = new GetOpt(argv.subList(1, argv.size()), SPEC);
    } catch (GetOpt.Problem p) {
      throw new ToolFailure(1, "tcpdump: " + p.getMessage());
    }
    if (opts.has('D')) {
      int n = 1;
      for (NetDevice dev : context.netns().devices()) {
        context.println(n++ + "." + dev.name() + (dev.isAdminUp() ? " [Up, Running]" : ""));
      }
      return 0;
    }
    NetDevice dev = device(context, opts);
    int limit = Integer.MAX_VALUE;
    if (opts.last('c').isPresent()) {
      try {
        limit = Integer.parseInt(opts.last('c').get());
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit <= 0) {
        throw new ToolFailure(1, "tcpdump: invalid packet count " + opts.last('c').get());
      }
    }
    Predicate<EthernetFrame> filter = filter(opts.operands());
    boolean verbose = opts.has('v');
    // A TUN has no link header: its captures are raw IP packets.
    boolean rawIp =
        dev.kind() instanceof io.packetwalk.kernel.DeviceKind.Tun(var tun) && tun.isTun();
    String linkType = rawIp ? "RAW (Raw IP)" : "EN10MB (Ethernet)";
    context.errln(
        verbose
            ? "tcpdump: listening on "
                + dev.name()
                + ", link-type "
                + linkType
                + ", snapshot length 262144 bytes"
            : "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n"
                + "listening on "
                + dev.name()
                + ", link-type "
                + linkType
                + ", snapshot length 262144 bytes");
    CaptureRead read = context.traffic().unreadFrames(dev);
    int matched = 0;
    int printed = 0;
    for (CapturedFrame f : read.frames()) {
      if (!filter.test(f.frame())) {
        continue;
      }
      matched++;
      if (printed < limit) {
        context.println(line(f, opts.has('e') && !rawIp, opts.has('t')));
        printed++;
      }
    }
    if (opts.last('c').isPresent() && printed < limit) {
      context.errln(
          "packetwalk: tcpdump prints the frames that crossed "
              + dev.name()
              + " so far and does not wait for more: "
              + printed
              + " of the "
              + limit
              + " asked for with -c");
    }
    context.errln(printed + " packets captured");
    context.errln(matched + " packets received by filter");
    context.errln(read.dropped() + " packets dropped by kernel");
    return 0;
  }

  /** A port number as libpcap reads it, refused in its words. */
  private static int port(String word) {
    if (word.isEmpty() || !word.chars().allMatch(Character::isDigit)) {
      throw new ToolFailure(1, "tcpdump: unknown port '" + word + "'");
    }
    if (word.length() > 10 || Long.parseLong(word) > 0xffffffffL) {
      throw new ToolFailure(1, "tcpdump: number " + word + " overflows 32 bits");
    }
    long port = Long.parseLong(word);
    if (port > 65535) {
      throw new ToolFailure(1, "tcpdump: illegal port number " + port + " > 65535");
    }
    return (int) port;
  }

  private static NetDevice device(ToolContext context, GetOpt opts) {
    if (opts.last('i').isEmpty()) {
      return context.netns().devices().stream()
          .filter(d -> d.isAdminUp() && !d.isLoopback())
          .findFirst()
          .orElseThrow(() -> new ToolFailure(1, "tcpdump: no suitable device found"));
    }
    String name = opts.last('i').get();
    if (name.equals("any")) {
      throw new ToolFailure(1, "tcpdump: -i any is not simulated by Packetwalk");
    }
    NetDevice dev =
        context
            .netns()
            .device(name)
            .orElseThrow(() ->
                new ToolFailure(
                    1, "tcpdump: " + name + ": No such device exists\n(No such device exists)"));
    if (!dev.isAdminUp()) {
      throw new ToolFailure(1, "tcpdump: " + name + ": That device is not up");
    }
    return dev;
  }

  // ---- filter expressions ----

  static Predicate<EthernetFrame> filter(List<String> words) {
    Predicate<EthernetFrame> all = f -> true;
    List<String> terms = new ArrayList<>(words);
    terms.removeIf(w -> w.equals("and") || w.equals("&&"));
    for (int i = 0; i < terms.size(); i++) {
      String word = terms.get(i);
      Predicate<EthernetFrame> term =
          switch (word) {
            case "icmp" -> f -> ip(f) instanceof Ipv4Packet p && p.payload() instanceof IcmpMessage;
            case "tcp" -> f -> ip(f) instanceof Ipv4Packet p && p.payload() instanceof TcpSegment;
            case "udp" -> f -> ip(f) instanceof Ipv4Packet p && p.payload() instanceof UdpDatagram;
            case "arp" -> f -> f.payload() instanceof ArpPacket;
            case "ip" -> f -> ip(f) != null;
            case "vlan" -> {
              if (i + 1 < terms.size() && terms.get(i + 1).chars().allMatch(Character::isDigit)) {
                int vid = vlanId(terms.get(++i));
                yield f -> f.isTagged() && f.vlan().vid() == vid;
              }
              yield EthernetFrame::isTagged;
            }
            case "host", "src", "dst" -> {
              if (i + 1 >= terms.size()) {
                throw syntax();
              }
              Ipv4Address a = address(terms.get(++i));
              yield f -> matchesAddress(f, word, a);
            }
            case "port" -> {
              if (i + 1 >= terms.size()) {
                throw syntax();
              }
              int port = port(terms.get(++i));
              yield f -> matchesPort(f, port);
            }
            default ->
                throw new ToolFailure(
                    1, "tcpdump: Packetwalk does not simulate the filter \"" + word + "\"");
          };
      all = all.and(term);
    }
    return all;
  }

  /** A VLAN id as libpcap reads it, refused in its words. */
  private static int vlanId(String word) {
    if (word.length() > 10 || Long.parseLong(word) > 0xffffffffL) {
      throw new ToolFailure(1, "tcpdump: number " + word + " overflows 32 bits");
    }
    long vid = Long.parseLong(word);
    if (vid > 4095) {
      throw new ToolFailure(1, "tcpdump: VLAN tag " + word + " greater than maximum 4095");
    }
    return (int) vid;
  }

  private static ToolFailure syntax() {
    return new ToolFailure(1, "tcpdump: syntax error in filter expression: syntax error");
  }

  private static Ipv4Address address(String text) {
    return Ipv4Address.tryParse(text)
        .orElseThrow(
            () -> new ToolFailure(1, "tcpdump: can't parse filter expression: syntax error"));
  }

  private static Ipv4Packet ip(EthernetFrame f) {
    return f.payload() instanceof Ipv4Packet p ? p : null;
  }

  private static boolean matchesAddress(EthernetFrame f, String how, Ipv4Address a) {
    if (f.payload() instanceof ArpPacket arp) {
      boolean src = arp.senderIp().equals(a);
      boolean dst = arp.targetIp().equals(a);
      return how.equals("src") ? src : how.equals("dst") ? dst : src || dst;
    }
    Ipv4Packet p = ip(f);
    if (p == null) {
      return false;
    }
    boolean src = p.src().equals(a);
    boolean dst = p.dst().equals(a);
    return how.equals("src") ? src : how.equals("dst") ? dst : src || dst;
  }

  private static boolean matchesPort(EthernetFrame f, int port) {
    Ipv4Packet p = ip(f);
    if (p == null) {
      return false;
    }
    return switch (p.payload()) {
      case TcpSegment t -> t.srcPort() == port || t.dstPort() == port;
      case UdpDatagram u -> u.srcPort() == port || u.dstPort() == port;
      default -> false;
    };
  }

  // ---- the one-line format ----

  static String line(CapturedFrame captured, boolean ethernet, boolean noTime) {
    StringBuilder out = new StringBuilder();
    if (!noTime) {
      out.append(timestamp(captured.timeNs())).append(' ');
    }
    appendFrame(out, captured.frame(), ethernet);
    return out.toString();
  }

  /**
   * One frame; a frame inside a tunnel (VXLAN) follows on its own line, without a timestamp, as
   * tcpdump's ether_print of the inner frame writes it. With -e a tagged frame shows its 802.1Q tag
   * ("vlan 10, p 0, ") and the inner EtherType; without -e tcpdump leaves the tag out.
   */
  private static void appendFrame(StringBuilder out, EthernetFrame f, boolean ethernet) {
    boolean isArp = f.payload() instanceof ArpPacket;
    String etherType = isArp ? "ARP (0x0806)" : "IPv4 (0x0800)";
    if (ethernet) {
      out.append(f.src()).append(" > ").append(f.dst()).append(", ethertype ");
      VlanTag tag = f.vlan();
      if (tag == null) {
        out.append(etherType).append(", length ").append(f.length()).append(": ");
      } else {
        out.append("802.1Q (0x8100), length ")
            .append(f.length())
            .append(": vlan ")
            .append(tag.vid())
            .append(", p ")
            .append(tag.pcp())
            .append(tag.dei() ? ", DEI" : "")
            .append(", ethertype ")
            .append(etherType)
            .append(", ");
      }
    } else {
      out.append(isArp ? "ARP, " : "IP ");
    }
    switch (f.payload()) {
      case ArpPacket arp -> out.append(arp(arp));
      case Ipv4Packet p -> appendIpv4(out, p, ethernet);
    }
  }

  private static String timestamp(long ns) {
    long us = ns / 1000;
    long seconds = us / 1_000_000;
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d.%06d",
        (seconds / 3600) % 24,
        (seconds / 60) % 60,
        seconds % 60,
        us % 1_000_000);
  }

  private static String arp(ArpPacket arp) {
    if (arp.op() == ArpPacket.Op.REQUEST) {
      return "Request who-has " + arp.targetIp() + " tell " + arp.senderIp() + ", length 28";
    }
    return "Reply " + arp.senderIp() + " is-at " + arp.senderMac() + ", length 28";
  }

  private static void appendIpv4(StringBuilder out, Ipv4Packet p, boolean ethernet) {
    switch (p.payload()) {
      case IcmpMessage icmp ->
          out.append(p.src())
              .append(" > ")
              .append(p.dst())
              .append(": ICMP ")
              .append(icmp(icmp))
              .append(", length ")
              .append(icmp.length());
      case TcpSegment t ->
          out.append(p.src())
              .append('.')
              .append(t.srcPort())
              .append(" > ")
              .append(p.dst())
              .append('.')
              .append(t.dstPort())
              .append(": Flags [")
              .append(t.flagLetters())
              .append("], seq ")
              .append(t.sequence())
              .append(t.has(TcpSegment.Flag.ACK) ? ", ack " + t.acknowledgement() : "")
              .append(", win 64240, length ")
              .append(t.dataLength());
      case UdpDatagram u -> {
        out.append(p.src())
            .append('.')
            .append(u.srcPort())
            .append(" > ")
            .append(p.dst())
            .append('.')
            .append(u.dstPort())
            .append(": ");
        appendUdpData(out, u, ethernet);
      }
    }
  }

  /**
   * tcpdump decodes a datagram by its ports, not by what it carries: 4789 as VXLAN, 8472 as OTV
   * (whose header reads a VXLAN header as overlay 0 and instance = VNI), anything else (flannel's
   * 8285 too) as plain UDP.
   */
  private static void appendUdpData(StringBuilder out, UdpDatagram u, boolean ethernet) {
    if (u.payload() instanceof VxlanPayload vxlan && isPort(u, VxlanPayload.IANA_PORT)) {
      out.append("VXLAN, flags [I] (0x08), vni ").append(vxlan.vni()).append('\n');
      appendFrame(out, vxlan.inner(), ethernet);
    } else if (u.payload() instanceof VxlanPayload vxlan && isPort(u, VxlanPayload.LINUX_PORT)) {
      out.append("OTV, flags [I] (0x08), overlay 0, instance ").append(vxlan.vni()).append('\n');
      appendFrame(out, vxlan.inner(), ethernet);
    } else {
      out.append("UDP, length ").append(u.dataLength());
    }
  }

  private static boolean isPort(UdpDatagram u, int port) {
    return u.srcPort() == port || u.dstPort() == port;
  }

  /** tcpdump's words for an ICMP message. */
  private static String icmp(IcmpMessage m) {
    Ipv4Packet quoted = m.quoted();
    String target = quoted == null ? "?" : quoted.dst().toString();
    return switch (m.type()) {
      case IcmpMessage.ECHO_REQUEST -> "echo request, id " + m.id() + ", seq " + m.sequence();
      case IcmpMessage.ECHO_REPLY -> "echo reply, id " + m.id() + ", seq " + m.sequence();
      case IcmpMessage.TIME_EXCEEDED -> "time exceeded in-transit";
      case IcmpMessage.DEST_UNREACHABLE ->
          switch (m.code()) {
            case IcmpMessage.CODE_NET_UNREACHABLE -> "net " + target + " unreachable";
            case IcmpMessage.CODE_HOST_UNREACHABLE -> "host " + target + " unreachable";
            case IcmpMessage.CODE_PORT_UNREACHABLE ->
                target
                    + (quoted != null && quoted.payload() instanceof UdpDatagram u
                        ? " udp port " + u.dstPort()
                        : " protocol")
                    + " unreachable";
            case IcmpMessage.CODE_FRAG_NEEDED ->
                target + " unreachable - need to frag (mtu " + m.nextHopMtu() + ")";
            case IcmpMessage.CODE_ADMIN_PROHIBITED ->
                "host " + target + " unreachable - admin prohibited filter";
            default -> target + " unreachable";
          };
      default -> m.description();
    };
  }
}
