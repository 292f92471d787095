package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * VLAN devices eth0.10 on both ends of a veth (netns a and b) and eth0.20 on b's end only: tagged
 * frames on the veth, untagged on the VLAN devices. Modelled from the kernel's 8021q, which the
 * oracle machine lacks.
 */
class VlanTest {

  private final TestLabs.Lab lab = new TestLabs.Lab();

  VlanTest() {
    lab.veth("a", "eth0", "02:00:00:00:91:01", "b", "eth0", "02:00:00:00:91:02");
    vlan("a", 10, "10.91.10.1/24");
    vlan("b", 10, "10.91.10.2/24");
    vlan("b", 20, "10.91.20.2/24");
    lab.addr("a", "eth0", "10.91.0.1/24");
  }

  private void vlan(String ns, int id, String cidr) {
    String name = "eth0." + id;
    lab.ns(ns).addVlan(name, lab.dev(ns, "eth0"), id, null, null);
    lab.up(ns, name).addr(ns, name, cidr);
  }

  @Test
  void framesCrossTheLowerDeviceTaggedAndArriveUntagged() {
    PingRun run = lab.ping("a", "10.91.10.2");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.DELIVERED)
        .says(StepKind.STACKED_TX, "a", "802.1Q tag with VLAN id 10")
        .says(StepKind.STACKED_RX, "b", "hands it to its VLAN device eth0.10")
        .isCausallyLinked();
    assertThat(lab.sim.captured(lab.ns("a"), lab.dev("a", "eth0")))
        .allSatisfy(c -> assertThat(c.frame().vlan().vid()).isEqualTo(10));
    assertThat(lab.sim.captured(lab.ns("b"), lab.dev("b", "eth0.10")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.frame().isTagged()).isFalse());
    assertThat(lab.sim.captured(lab.ns("b"), lab.dev("b", "eth0.20"))).isEmpty();
  }

  @Test
  void aTagWithoutItsVlanDeviceIsNotForTheHost() {
    NetDevice lower = lab.dev("a", "eth0");
    lab.ns("a").addVlan("eth0.30", lower, 30, null, null);
    lab.up("a", "eth0.30").addr("a", "eth0.30", "10.91.30.1/24");

    PingRun run = lab.ping("a", "10.91.30.2");

    assertThat(run.outcomes()).singleElement().isNotInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).says(StepKind.DROP, "b", "no VLAN device for VLAN 30");
  }

  @Test
  void untaggedTrafficStaysOnTheLowerDevice() {
    lab.addr("b", "eth0", "10.91.0.2/24");

    PingRun run = lab.ping("a", "10.91.0.2");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).neverPassesThrough(StepKind.STACKED_RX);
  }

  @Test
  void aVlanDeviceThatIsDownDropsItsTaggedFrames() {
    lab.down("b", "eth0.10");

    PingRun run = lab.ping("a", "10.91.10.2");

    assertThat(run.outcomes()).singleElement().isNotInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).hasDisposition(Disposition.LINK_DOWN);
  }
}
