package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NudState;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeTest {

  @Test
  void broadcastArpIsFloodedAndTheBridgeLearnsBothHosts() {
    TestLabs.Lab lab = TestLabs.twoOnBridge();

    PingRun run = lab.ping("h1", "172.16.0.2");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace())
        .passesThrough(StepKind.BRIDGE_FLOOD)
        .passesThrough(StepKind.BRIDGE_LEARN)
        .passesThrough(StepKind.BRIDGE_FORWARD);
    assertThat(dynamicEntries(lab, "br0"))
        .containsExactly("02:00:00:00:01:02 veth-h1", "02:00:00:00:02:02 veth-h2");
  }

  @Test
  void knownUnicastLeavesThroughOnePortOnly() {
    TestLabs.Lab lab = TestLabs.threeOnBridge();

    lab.ping("h1", "172.16.0.2");

    List<String> seenByH3 =
        lab.sim.captured(lab.ns("h3"), lab.dev("h3", "eth0")).stream()
            .map(c -> c.frame().payload().etherTypeName())
            .toList();
    assertThat(seenByH3).containsExactly("ARP");
  }

  @Test
  void learnedEntriesAgeOutAfterThreeHundredSecondsAndTheNextFrameFloodsAgain() {
    TestLabs.Lab lab = TestLabs.twoOnBridge();
    lab.ping("h1", "172.16.0.2");

    // h2's entry for h1 goes DELAY → PROBE after 5 s: the unicast probe and its answer refresh
    // both FDB entries then, so they live until about 305 s.
    lab.sim.advance(300 * TestLabs.SECOND);
    assertThat(dynamicEntries(lab, "br0")).hasSize(2);
    lab.sim.advance(6 * TestLabs.SECOND);
    assertThat(dynamicEntries(lab, "br0")).isEmpty();

    PingRun later = lab.ping("h1", "172.16.0.2");
    assertThat(later.received()).isEqualTo(1);
    assertThatTrace(later.trace())
        .neverPassesThrough(StepKind.ARP_REQUEST_SENT)
        .says(StepKind.BRIDGE_FLOOD, "", "a MAC it has not learned");
  }

  @Test
  void bridgeWithAnAddressAnswersAsTheGatewayThroughItsOwnStack() {
    TestLabs.Lab lab = TestLabs.twoOnBridge().addr("", "br0", "172.16.0.254/24").loUp("");

    PingRun run = lab.ping("h1", "172.16.0.254");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace())
        .passesThrough(StepKind.BRIDGE_LOCAL_IN)
        .says(StepKind.ARP_REPLY_SENT, "", "02:00:00:00:00:fe");
  }

  @Test
  void frameForAMacBehindItsOwnIngressPortIsDroppedWithoutHairpin() {
    TestLabs.Lab lab = TestLabs.twoOnBridge();
    lab.ping("h1", "172.16.0.2");
    pinNeighbour(lab, "h1", "172.16.0.99", "02:00:00:00:01:02");

    PingRun run = lab.ping("h1", "172.16.0.99");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThatTrace(run.trace()).hasDisposition(Disposition.BRIDGE_HAIRPIN);
  }

  @Test
  void withHairpinOnTheFrameGoesBackOutOfTheIngressPort() {
    TestLabs.Lab lab = TestLabs.twoOnBridge();
    lab.ping("h1", "172.16.0.2");
    pinNeighbour(lab, "h1", "172.16.0.99", "02:00:00:00:01:02");
    lab.dev("", "veth-h1").portSettings().setHairpin(true);

    PingRun run = lab.ping("h1", "172.16.0.99");

    assertThatTrace(run.trace())
        .hasNoDisposition(Disposition.BRIDGE_HAIRPIN)
        .hasDisposition(Disposition.FORWARDING_DISABLED);
  }

  @Test
  void aDownBridgeDisablesItsPorts() {
    TestLabs.Lab lab = TestLabs.twoOnBridge().down("", "br0");

    PingRun run = lab.ping("h1", "172.16.0.2");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace()).hasDisposition(Disposition.LINK_DOWN);
  }

  private static void pinNeighbour(TestLabs.Lab lab, String ns, String address, String mac) {
    NeighbourEntry entry =
        new NeighbourEntry(Ipv4Address.parse(address), lab.dev(ns, "eth0"), NudState.PERMANENT, 0);
    entry.update(NudState.PERMANENT, MacAddress.parse(mac), 0);
    lab.ns(ns).neighbours().add(entry);
  }

  private static List<String> dynamicEntries(TestLabs.Lab lab, String bridge) {
    return lab.dev("", bridge).bridge().fdb().stream()
        .filter(e -> e.type() == FdbEntry.Type.DYNAMIC)
        .map(e -> e.mac() + " " + e.port().name())
        .toList();
  }
}
