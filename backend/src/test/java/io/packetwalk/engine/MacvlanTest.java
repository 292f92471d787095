package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.MacvlanMode;
import io.packetwalk.kernel.MacvlanSettings;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.MacAddress;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * Macvlans on the parent eth0 of netns "host" (a veth to netns "ext" at 10.80.0.254), one moved
 * into netns a (10.80.0.11) and one into b (10.80.0.12), as kernel oracle scenarios 81 and 82 build
 * them.
 */
class MacvlanTest {

  private final TestLabs.Lab lab = new TestLabs.Lab();

  private TestLabs.Lab macvlans(MacvlanMode mode) {
    lab.veth("host", "eth0", "02:00:00:00:81:01", "ext", "eth0", "02:00:00:00:81:fe");
    macvlan("a", "mv1", "02:00:00:00:81:11", mode);
    macvlan("b", "mv2", "02:00:00:00:81:12", mode);
    return lab.addr("host", "eth0", "10.80.0.1/24")
        .addr("ext", "eth0", "10.80.0.254/24")
        .addr("a", "mv1", "10.80.0.11/24")
        .addr("b", "mv2", "10.80.0.12/24");
  }

  private void macvlan(String ns, String name, String mac, MacvlanMode mode) {
    NetDevice lower = lab.dev("host", "eth0");
    NetDevice dev =
        lab.ns("host")
            .addMacvlan(
                name,
                lower,
                new MacvlanSettings(mode, false, MacvlanSettings.DEFAULT_BROADCAST_QUEUE_LENGTH),
                MacAddress.parse(mac),
                null);
    lab.ns("host").moveDevice(dev, lab.ns(ns));
    lab.up(ns, name);
  }

  @Test
  void bridgeModeSiblingsMeetInsideTheKernelWithoutTouchingTheParent() {
    macvlans(MacvlanMode.BRIDGE);

    PingRun run = lab.ping("a", "10.80.0.12");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.DELIVERED)
        .says(StepKind.STACKED_TX, "a", "switched inside the kernel")
        .isCausallyLinked();
    assertThat(lab.sim.captured(lab.ns("host"), lab.dev("host", "eth0")))
        .extracting(c -> c.frame().payload().getClass().getSimpleName())
        .doesNotContain("Ipv4Packet");
  }

  @Test
  void aMacvlanReachesTheOutsideThroughItsParentWithItsOwnMac() {
    macvlans(MacvlanMode.BRIDGE);

    PingRun run = lab.ping("a", "10.80.0.254");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace())
        .says(StepKind.STACKED_TX, "a", "leaves through eth0")
        .says(StepKind.STACKED_RX, "host", "hands the frame to it");
    assertThat(lab.sim.captured(lab.ns("host"), lab.dev("host", "eth0")))
        .extracting(c -> c.direction() + " " + c.frame().src())
        .contains("OUT 02:00:00:00:81:11", "IN 02:00:00:00:81:fe");
  }

  @Test
  void theParentAndItsMacvlansCannotReachEachOther() {
    macvlans(MacvlanMode.BRIDGE);

    assertThat(lab.ping("a", "10.80.0.1").outcomes())
        .singleElement()
        .isInstanceOf(ProbeOutcome.Lost.class);
    PingRun fromHost = lab.ping("host", "10.80.0.11");
    assertThat(fromHost.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThatTrace(fromHost.trace()).neverPassesThrough(StepKind.STACKED_RX);
  }

  @Test
  void privateSiblingsNeverMeetButStillReachTheOutside() {
    macvlans(MacvlanMode.PRIVATE);

    assertThat(lab.ping("a", "10.80.0.12").outcomes())
        .singleElement()
        .isInstanceOf(ProbeOutcome.Lost.class);
    assertThat(lab.ping("a", "10.80.0.254").outcomes())
        .singleElement()
        .isInstanceOf(ProbeOutcome.Reply.class);
  }

  @Test
  void aPassthruMacvlanGetsEveryFrameItsParentReceives() {
    lab.veth("host", "eth0", "02:00:00:00:81:01", "ext", "eth0", "02:00:00:00:81:fe");
    NetDevice mp =
        lab.ns("host")
            .addMacvlan(
                "mp",
                lab.dev("host", "eth0"),
                new MacvlanSettings(
                    MacvlanMode.PASSTHRU, false, MacvlanSettings.DEFAULT_BROADCAST_QUEUE_LENGTH),
                null,
                null);
    assertThat(mp.mac()).isEqualTo(MacAddress.parse("02:00:00:00:81:01"));
    lab.up("host", "mp").addr("host", "mp", "10.80.0.5/24").addr("ext", "eth0", "10.80.0.254/24");

    PingRun run = lab.ping("ext", "10.80.0.5");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).says(StepKind.STACKED_RX, "host", "passthru macvlan");
  }

  @Test
  void aMacvlanWithoutCarrierDropsWhatItSends() {
    macvlans(MacvlanMode.BRIDGE);
    lab.down("ext", "eth0");

    PingRun run = lab.ping("a", "10.80.0.254");

    assertThat(lab.dev("a", "mv1").hasCarrier()).isFalse();
    assertThat(run.outcomes()).singleElement().isNotInstanceOf(ProbeOutcome.Reply.class);
  }
}
