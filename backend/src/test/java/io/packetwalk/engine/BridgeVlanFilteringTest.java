package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.BridgeVlanRules;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.net.MacAddress;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * A bridge with {@code vlan_filtering 1} on a kernel built with bridge VLAN filtering: access ports
 * h1, h2 (VLAN 10) and h3 (VLAN 20), each its VLAN's PVID and untagged. Modelled from the kernel's
 * br_vlan.c and br_forward.c; the oracle machine's kernel lacks the option (docs/fidelity.md).
 */
class BridgeVlanFilteringTest {

  private final TestLabs.Lab lab = TestLabs.vlanAccessPorts();

  @Test
  void accessPortsOfOneVlanReachEachOtherAndLearnInThatVlan() {
    PingRun run = lab.ping("h1", "172.16.0.2");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace())
        .says(StepKind.BRIDGE_VLAN, "", "the untagged frame from p1 joins VLAN 10, the PVID of p1")
        .says(StepKind.BRIDGE_FLOOD, "", "to the members of VLAN 10 out of p2 (untagged)")
        .says(StepKind.BRIDGE_LEARN, "", "reachable through p1 in VLAN 10")
        .isCausallyLinked();
    assertThat(lab.dev("", "br0").bridge().fdb())
        .filteredOn(e -> e.type() == FdbEntry.Type.DYNAMIC)
        .extracting(e -> e.mac() + " vlan " + e.vlan())
        .containsExactly("02:00:00:00:01:02 vlan 10", "02:00:00:00:02:02 vlan 10");
    assertThat(lab.sim.captured(lab.ns("h3"), lab.dev("h3", "eth0"))).isEmpty();
  }

  @Test
  void portsInDifferentVlansDoNotReachEachOther() {
    PingRun run = lab.ping("h1", "172.16.0.3");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace()).says(StepKind.BRIDGE_FLOOD, "", "out of p2 (untagged)");
    assertThat(lab.sim.captured(lab.ns("h3"), lab.dev("h3", "eth0"))).isEmpty();
  }

  @Test
  void anUntaggedFrameOnAPortWithoutPvidIsDropped() {
    BridgeVlanRules.add(lab.dev("", "p1"), 10, false, true, 0);

    PingRun run = lab.ping("h1", "172.16.0.2");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.BRIDGE_VLAN_FILTERED)
        .says(StepKind.DROP, "", "p1 has no PVID");
  }

  @Test
  void aTrunkPortCarriesTheVlanTaggedToAVlanDevice() {
    lab.veth("", "p4", "02:00:00:00:04:01", "t", "eth0", "02:00:00:00:04:02")
        .enslave("", "p4", "br0");
    BridgeVlanRules.add(lab.dev("", "p4"), 10, false, false, 0);
    lab.ns("t").addVlan("eth0.10", lab.dev("t", "eth0"), 10, null, null);
    lab.up("t", "eth0.10").addr("t", "eth0.10", "172.16.0.4/24").loUp("t");

    PingRun run = lab.ping("h1", "172.16.0.4");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace())
        .says(StepKind.BRIDGE_FLOOD, "", "p4 (with an 802.1Q tag for VLAN 10)")
        .says(StepKind.BRIDGE_VLAN, "", "tagged for VLAN 10 and p4 is a member of VLAN 10")
        .says(StepKind.STACKED_RX, "t", "hands it to its VLAN device eth0.10");
    assertThat(lab.sim.captured(lab.ns("t"), lab.dev("t", "eth0")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.frame().vlan().vid()).isEqualTo(10));
    assertThat(lab.sim.captured(lab.ns("h1"), lab.dev("h1", "eth0")))
        .allSatisfy(c -> assertThat(c.frame().isTagged()).isFalse());
  }

  @Test
  void aTaggedFrameForAVlanThePortLacksIsDropped() {
    lab.veth("", "p4", "02:00:00:00:04:01", "t", "eth0", "02:00:00:00:04:02")
        .enslave("", "p4", "br0");
    BridgeVlanRules.add(lab.dev("", "p4"), 10, false, false, 0);
    lab.ns("t").addVlan("eth0.20", lab.dev("t", "eth0"), 20, null, null);
    lab.up("t", "eth0.20").addr("t", "eth0.20", "172.16.0.4/24").loUp("t");

    PingRun run = lab.ping("t", "172.16.0.3");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace())
        .says(StepKind.DROP, "", "tagged for VLAN 20, which p4 is not a member of");
  }

  @Test
  void theBridgeReachesAVlanOnlyAsAMemberOfIt() {
    lab.addr("", "br0", "172.16.0.254/24");

    PingRun outside = lab.ping("h1", "172.16.0.254");
    assertThat(outside.received()).isZero();
    assertThatTrace(outside.trace())
        .says(
            StepKind.BRIDGE_FLOOD,
            "",
            "no copy for its own stack: br0 itself is not a member of VLAN 10");

    BridgeVlanRules.add(lab.dev("", "br0"), 10, true, true, 0);
    lab.sim.advance(10 * TestLabs.SECOND);
    PingRun member = lab.ping("h1", "172.16.0.254");
    assertThat(member.received()).isEqualTo(1);
    assertThatTrace(member.trace())
        .says(StepKind.BRIDGE_VLAN, "", "from its own stack joins VLAN 10, the PVID of br0 itself");
  }

  @Test
  void withoutFilteringVlansAreIgnoredAndLearningIsInVlanZero() {
    BridgeVlanRules.setFiltering(lab.dev("", "br0"), false);

    PingRun run = lab.ping("h1", "172.16.0.3");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).neverPassesThrough(StepKind.BRIDGE_VLAN);
    assertThat(lab.dev("", "br0").bridge().lookup(MacAddress.parse("02:00:00:00:03:02"), 0))
        .isPresent();
  }
}
