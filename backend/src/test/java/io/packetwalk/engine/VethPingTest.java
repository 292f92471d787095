package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NudState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class VethPingTest {

  private final TestLabs.Lab lab = TestLabs.vethPair();

  @Test
  void arpRequestAndReplyCrossTheWireBeforeTheFirstEchoRequest() {
    PingRun run = lab.ping("ns1", "10.0.0.2");

    List<String> onVeth1 =
        lab.sim.captured(lab.ns("ns1"), lab.dev("ns1", "veth1")).stream()
            .map(c -> c.direction() + " " + describe(c.frame()))
            .toList();
    assertThat(onVeth1)
        .containsExactly(
            "OUT ARP REQUEST 10.0.0.2",
            "IN ARP REPLY 10.0.0.1",
            "OUT ICMP echo request",
            "IN ICMP echo reply");
    assertThat(firstIndex(run, StepKind.ARP_REQUEST_SENT))
        .isLessThan(firstIndex(run, StepKind.ARP_REPLY_SENT))
        .isLessThan(firstIndex(run, StepKind.ICMP_SENT));
    assertThatTrace(run.trace()).hasDisposition(Disposition.DELIVERED).isCausallyLinked();
  }

  @Test
  void replyComesFromThePeerWithTtl64AndTheIcmpByteCount() {
    PingRun run = lab.ping("ns1", "10.0.0.2");

    assertThat(run.sendError()).isNull();
    assertThat(run.source()).isEqualTo(Ipv4Address.parse("10.0.0.1"));
    assertThat(run.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            ProbeOutcome.Reply.class,
            reply -> {
              assertThat(reply.from()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
              assertThat(reply.ttl()).isEqualTo(64);
              assertThat(reply.bytes()).isEqualTo(64);
              assertThat(reply.rttNs()).isPositive();
            });
  }

  @Test
  void askerEndsReachableAndTheAnsweringSideInDelayAsOnTheKernel() {
    lab.ping("ns1", TestLabs.ping("10.0.0.2", 2).withInterval(200_000_000L));

    assertThat(neighbour("ns1", "10.0.0.2").state()).isEqualTo(NudState.REACHABLE);
    assertThat(neighbour("ns2", "10.0.0.1").state()).isEqualTo(NudState.DELAY);
  }

  @Test
  void secondPingFindsTheNeighbourCachedAndSendsNoArp() {
    lab.ping("ns1", "10.0.0.2");
    PingRun again = lab.ping("ns1", "10.0.0.2");

    assertThatTrace(again.trace()).neverPassesThrough(StepKind.ARP_REQUEST_SENT);
    assertThat(again.received()).isEqualTo(1);
  }

  @Test
  void probesGoOutEveryIntervalAndPingExitsOnTheLastReply() {
    PingRun run = lab.ping("ns1", TestLabs.ping("10.0.0.2", 3).withInterval(200_000_000L));

    assertThat(run.received()).isEqualTo(3);
    List<Long> sent =
        run.trace().steps().stream()
            .filter(s -> s.kind() == StepKind.PACKET_CREATED)
            .map(Step::timeNs)
            .toList();
    assertThat(sent).containsExactly(0L, 200_000_000L, 400_000_000L);
    assertThat(run.elapsedNs()).isBetween(400_000_000L, 401_000_000L);
  }

  @Test
  void deviceCountersCountWhatCrossed() {
    lab.ping("ns1", "10.0.0.2");

    assertThat(lab.dev("ns1", "veth1").counters().txPackets()).isEqualTo(2);
    assertThat(lab.dev("ns2", "veth2").counters().rxPackets()).isEqualTo(2);
    assertThat(lab.dev("ns2", "veth2").counters().rxBytes()).isEqualTo(42 + 98);
  }

  private NeighbourEntry neighbour(String ns, String address) {
    return lab.ns(ns).neighbours().entries().stream()
        .filter(e -> e.address().equals(Ipv4Address.parse(address)))
        .findFirst()
        .orElseThrow();
  }

  private static int firstIndex(PingRun run, StepKind kind) {
    List<Step> steps = run.trace().steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).kind() == kind) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(EthernetFrame frame) {
    return switch (frame.payload()) {
      case ArpPacket arp -> "ARP " + arp.op() + " " + arp.targetIp();
      case Ipv4Packet ip -> "ICMP " + ((IcmpMessage) ip.payload()).description();
    };
  }
}
