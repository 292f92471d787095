package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NudState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourTest {

  private final TestLabs.Lab lab = TestLabs.vethPair();

  @Test
  void arpFailsAfterThreeRequestsOneSecondApartAndTheSenderHearsHostUnreachable() {
    PingRun run = lab.ping("ns1", TestLabs.ping("10.0.0.99", 1).withTimeout(4 * TestLabs.SECOND));

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.0.1"), ProbeOutcome.ErrorKind.HOST_UNREACHABLE, 0));
    List<Long> requests =
        run.trace().steps().stream()
            .filter(s -> s.kind() == StepKind.ARP_REQUEST_SENT)
            .map(Step::timeNs)
            .toList();
    assertThat(requests).containsExactly(0L, TestLabs.SECOND, 2 * TestLabs.SECOND);
    assertThat(run.elapsedNs()).isBetween(3 * TestLabs.SECOND, 3 * TestLabs.SECOND + 100_000);
    assertThat(entry("ns1", "10.0.0.99").state()).isEqualTo(NudState.FAILED);
    assertThatTrace(run.trace()).hasDisposition(Disposition.NEIGH_FAILED);
  }

  @Test
  void withLoDownTheHostUnreachableErrorNeverReachesPing() {
    lab.down("ns1", "lo");

    PingRun run = lab.ping("ns1", TestLabs.ping("10.0.0.99", 1).withTimeout(4 * TestLabs.SECOND));

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThat(entry("ns1", "10.0.0.99").state()).isEqualTo(NudState.FAILED);
    assertThatTrace(run.trace()).says(StepKind.DROP, "ns1", "lo in ns1 is down");
  }

  @Test
  void pingThatStopsWaitingFirstLeavesTheEntryIncompleteUntilTimePasses() {
    PingRun run = lab.ping("ns1", "10.0.0.99");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThat(run.elapsedNs()).isEqualTo(TestLabs.SECOND);
    assertThat(entry("ns1", "10.0.0.99").state()).isEqualTo(NudState.INCOMPLETE);

    lab.sim.advance(3 * TestLabs.SECOND);
    assertThat(entry("ns1", "10.0.0.99").state()).isEqualTo(NudState.FAILED);
  }

  @Test
  void aPermanentEntryIsUsedWithoutAnyArp() {
    NeighbourEntry pinned =
        new NeighbourEntry(
            Ipv4Address.parse("10.0.0.2"), lab.dev("ns1", "veth1"), NudState.PERMANENT, 0);
    pinned.update(NudState.PERMANENT, MacAddress.parse("02:00:00:00:00:02"), 0);
    lab.ns("ns1").neighbours().add(pinned);

    PingRun run = lab.ping("ns1", "10.0.0.2");

    assertThat(run.received()).isEqualTo(1);
    List<ArpPacket> sentByNs1 =
        run.trace().steps().stream()
            .filter(s -> s.kind() == StepKind.ARP_REQUEST_SENT)
            .filter(s -> s.location().netns().equals("ns1"))
            .map(s -> (ArpPacket) ((io.packetwalk.net.packet.EthernetFrame) s.packet()).payload())
            .toList();
    assertThat(sentByNs1).isEmpty();
    assertThatTrace(run.trace()).says(StepKind.ARP_REQUEST_SENT, "ns2", "who has 10.0.0.1");
  }

  @Test
  void aReachableEntryTurnsStaleAfterItsRandomReachableTime() {
    lab.ping("ns1", "10.0.0.2");
    assertThat(entry("ns1", "10.0.0.2").state()).isEqualTo(NudState.REACHABLE);

    lab.sim.advance(46 * TestLabs.SECOND);

    assertThat(entry("ns1", "10.0.0.2").state()).isEqualTo(NudState.STALE);
  }

  @Test
  void aStaleEntryInUseIsProbedAfterFiveSecondsAndConfirmedByUnicastArp() {
    lab.ping("ns1", "10.0.0.2");
    assertThat(entry("ns2", "10.0.0.1").state()).isEqualTo(NudState.DELAY);

    lab.sim.advance(6 * TestLabs.SECOND);

    assertThat(entry("ns2", "10.0.0.1").state()).isEqualTo(NudState.REACHABLE);
    assertThat(lab.sim.captured(lab.ns("ns2"), lab.dev("ns2", "veth2")))
        .anySatisfy(c -> {
          assertThat(c.frame().payload()).isInstanceOf(ArpPacket.class);
          assertThat(c.frame().dst()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        });
  }

  @Test
  void anUnansweredProbeMakesTheEntryFailedAfterThreeUnicastRequests() {
    lab.ping("ns1", "10.0.0.2");
    // veth1 going down takes veth2's carrier, which would evict the entry (neigh_carrier_down());
    // with arp_evict_nocarrier off it stays, and its probes go unanswered.
    lab.sysctl("ns2", "net.ipv4.conf.all.arp_evict_nocarrier", "0");
    lab.down("ns1", "veth1");

    lab.sim.advance(10 * TestLabs.SECOND);

    assertThat(entry("ns2", "10.0.0.1").state()).isEqualTo(NudState.FAILED);
  }

  private NeighbourEntry entry(String ns, String address) {
    return lab.ns(ns).neighbours().entries().stream()
        .filter(e -> e.address().equals(Ipv4Address.parse(address)))
        .findFirst()
        .orElseThrow();
  }
}
