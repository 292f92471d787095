package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.fail;

import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.OpaqueData;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VxlanPayload;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden trace files: one line per step — seq, causeSeq, time, location, kind, sentence, headers —
 * plus one indented line per state change. A mismatch fails with a line diff. To regenerate after
 * an intended change, run the tests with {@code -Dgolden.update=true}; the files under {@code
 * backend/src/test/resources/golden/} are rewritten, and the diff is reviewed in git.
 */
final class GoldenTrace {

  private GoldenTrace() {}

  static String render(Trace trace) {
    StringBuilder out = new StringBuilder();
    for (Step step : trace.steps()) {
      out.append(step.seq())
          .append(' ')
          .append(step.causeSeq() == null ? "-" : step.causeSeq())
          .append(" t=")
          .append(step.timeNs())
          .append(' ')
          .append(location(step.location()))
          .append(' ')
          .append(step.kind())
          .append(step.disposition() == null ? "" : " [" + step.disposition() + "]")
          .append(" | ")
          .append(step.sentence())
          .append(" | ")
          .append(headers(step.packet()))
          .append('\n');
      for (StateChange change : step.changes()) {
        out.append("    ").append(change(change)).append('\n');
      }
    }
    return out.toString();
  }

  private static String location(Location where) {
    return where.host()
        + "/"
        + where.netns()
        + (where.device() == null ? "" : "/" + where.device())
        + (where.netfilter() == null ? "" : " " + netfilter(where.netfilter()));
  }

  private static String netfilter(io.packetwalk.trace.NetfilterPlace place) {
    return "["
        + place.hook()
        + (place.table() == null ? "" : " " + place.table() + " " + place.chain())
        + (place.rule() == null ? "" : " #" + place.rule())
        + "]";
  }

  private static String change(StateChange change) {
    return switch (change) {
      case StateChange.Neighbour n -> "neigh " + n.before() + " => " + n.after();
      case StateChange.Fdb f -> "fdb " + f.before() + " => " + f.after();
      case StateChange.Conntrack c -> "conntrack " + c.before() + " => " + c.after();
      case StateChange.Counter c -> "counter " + c.key() + " " + c.before() + " => " + c.after();
    };
  }

  static String headers(Packet packet) {
    return switch (packet) {
      case null -> "-";
      case EthernetFrame frame -> frame(frame);
      case Ipv4Packet ip -> ip(ip);
    };
  }

  private static String frame(EthernetFrame frame) {
    return "eth "
        + frame.src()
        + " > "
        + frame.dst()
        + (frame.isTagged() ? " vlan " + frame.vlan().vid() : "")
        + " "
        + switch (frame.payload()) {
          case ArpPacket arp -> arp(arp);
          case Ipv4Packet ip -> ip(ip);
        };
  }

  private static String arp(ArpPacket arp) {
    return arp.op() == ArpPacket.Op.REQUEST
        ? "ARP who-has " + arp.targetIp() + " tell " + arp.senderIp()
        : "ARP " + arp.senderIp() + " is-at " + arp.senderMac();
  }

  private static String ip(Ipv4Packet ip) {
    String header =
        "IP "
            + ip.src()
            + " > "
            + ip.dst()
            + " ttl "
            + ip.ttl()
            + " id "
            + ip.id()
            + (ip.dontFragment() ? " DF" : "")
            + " len "
            + ip.totalLength()
            + " ";
    return header
        + switch (ip.payload()) {
          case IcmpMessage icmp when icmp.isEcho() ->
              "ICMP " + icmp.description() + " id " + icmp.id() + " seq " + icmp.sequence();
          case IcmpMessage icmp ->
              "ICMP "
                  + icmp.description()
                  + (icmp.nextHopMtu() > 0 ? " mtu " + icmp.nextHopMtu() : "")
                  + " quoting ["
                  + ip(icmp.quoted()).trim()
                  + "]";
          case TcpSegment tcp ->
              "TCP " + tcp.srcPort() + " > " + tcp.dstPort() + " [" + tcp.flagLetters() + "]";
          case UdpDatagram udp ->
              "UDP "
                  + udp.srcPort()
                  + " > "
                  + udp.dstPort()
                  + switch (udp.payload()) {
                    case OpaqueData data -> "";
                    case VxlanPayload vxlan ->
                        " VXLAN vni " + vxlan.vni() + " [" + frame(vxlan.inner()).trim() + "]";
                    case CarriedIpPacket carried ->
                        " carrying [" + ip(carried.inner()).trim() + "]";
                  };
        };
  }

  /** Compares {@code trace} with {@code golden/NAME.trace.txt}; rewrites it in update mode. */
  static void assertMatches(String name, Trace trace) {
    String actual = render(trace);
    String resource = "/golden/" + name + ".trace.txt";
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources/golden", name + ".trace.txt");
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + file.toAbsolutePath(), e);
      }
      return;
    }
    String expected;
    try (InputStream in = GoldenTrace.class.getResourceAsStream(resource)) {
      if (in == null) {
        fail(
            "no golden file %s; run with -Dgolden.update=true to create it. Actual trace:%n%s",
            resource, actual);
        return;
      }
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (!expected.equals(actual)) {
      fail(
          "trace differs from %s (run with -Dgolden.update=true to accept):%n%s",
          resource, diff(expected.lines().toList(), actual.lines().toList()));
    }
  }

  /** A plain line diff: '-' expected only, '+' actual only, by longest common subsequence. */
  static String diff(List<String> expected, List<String> actual) {
    int[][] lcs = new int[expected.size() + 1][actual.size() + 1];
    for (int i = expected.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            expected.get(i).equals(actual.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < expected.size() || j < actual.size()) {
      if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
        i++;
        j++;
      } else if (j < actual.size() && (i == expected.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("+ " + actual.get(j++));
      } else {
        out.add("- " + expected.get(i++));
      }
    }
    return String.join("\n", out);
  }
}
