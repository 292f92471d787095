package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.IpvlanIsolation;
import io.packetwalk.kernel.IpvlanMode;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * Two ipvlans on the parent eth0 of netns "host" (a veth to netns "ext" at 10.92.0.254), moved into
 * a (10.92.0.11) and b (10.92.0.12). Modelled from drivers/net/ipvlan, which the oracle machine
 * lacks.
 */
class IpvlanTest {

  private final TestLabs.Lab lab = new TestLabs.Lab();

  private void ipvlans(IpvlanMode mode, IpvlanIsolation isolation) {
    lab.veth("host", "eth0", "02:00:00:00:92:01", "ext", "eth0", "02:00:00:00:92:fe");
    ipvlan("a", "ipv1", "10.92.0.11/24", mode, isolation);
    ipvlan("b", "ipv2", "10.92.0.12/24", mode, isolation);
    lab.addr("host", "eth0", "10.92.0.1/24").addr("ext", "eth0", "10.92.0.254/24");
  }

  private void ipvlan(
      String ns, String name, String cidr, IpvlanMode mode, IpvlanIsolation isolation) {
    var dev = lab.ns("host").addIpvlan(name, lab.dev("host", "eth0"), mode, isolation, null);
    lab.ns("host").moveDevice(dev, lab.ns(ns));
    lab.up(ns, name).addr(ns, name, cidr);
  }

  @Test
  void siblingsMeetInsideTheKernelByIpAddress() {
    ipvlans(IpvlanMode.L2, IpvlanIsolation.BRIDGE);

    PingRun run = lab.ping("a", "10.92.0.12");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).says(StepKind.STACKED_TX, "a", "handed over inside the kernel");
    assertThat(lab.dev("a", "ipv1").mac()).isEqualTo(lab.dev("b", "ipv2").mac());
  }

  @Test
  void theOutsideReachesAnL2IpvlanThroughTheSharedMac() {
    ipvlans(IpvlanMode.L2, IpvlanIsolation.BRIDGE);

    PingRun run = lab.ping("ext", "10.92.0.12");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).says(StepKind.STACKED_RX, "host", "finds 10.92.0.12");
  }

  @Test
  void privateSiblingsNeverMeet() {
    ipvlans(IpvlanMode.L2, IpvlanIsolation.PRIVATE);

    assertThat(lab.ping("a", "10.92.0.12").outcomes())
        .singleElement()
        .isNotInstanceOf(ProbeOutcome.Reply.class);
    assertThat(lab.ping("a", "10.92.0.254").outcomes())
        .singleElement()
        .isInstanceOf(ProbeOutcome.Reply.class);
  }

  @Test
  void anL3IpvlanIsRoutedInItsLowerDevicesNamespaceAndAnswersNoArp() {
    ipvlans(IpvlanMode.L3, IpvlanIsolation.BRIDGE);
    PingRun sameSubnet = lab.ping("ext", "10.92.0.12");
    assertThat(sameSubnet.outcomes()).singleElement().isNotInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(sameSubnet.trace()).says(StepKind.DROP, "host", "does no ARP");

    ipvlan("c", "ipv3", "10.93.0.13/24", IpvlanMode.L3, IpvlanIsolation.BRIDGE);
    lab.onLink("c", "0.0.0.0/0", "ipv3").via("ext", "10.93.0.0/24", "10.92.0.1");
    PingRun out = lab.ping("c", "10.92.0.254");

    assertThat(out.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(out.trace())
        .says(StepKind.STACKED_TX, "c", "routed again in")
        .says(StepKind.STACKED_RX, "host", "finds 10.93.0.13");
  }
}
