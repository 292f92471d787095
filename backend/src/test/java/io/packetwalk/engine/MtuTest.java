package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/** Oracle scenario 14: the link between router and server has an MTU of 1400. */
class MtuTest {

  private final TestLabs.Lab lab = TestLabs.router(true);

  MtuTest() {
    lab.ns("router").setMtu(lab.dev("router", "r-s"), 1400);
    lab.ns("server").setMtu(lab.dev("server", "eth0"), 1400);
  }

  @Test
  void localDontFragmentPacketBiggerThanTheLinkFailsWithMessageTooLong() {
    PingRun run =
        lab.ping("router", TestLabs.ping("10.0.2.2", 1).withSize(1500).withPmtu(PmtuMode.DO));

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1,
                Ipv4Address.parse("10.0.2.1"),
                ProbeOutcome.ErrorKind.LOCAL_MESSAGE_TOO_LONG,
                1400));
    assertThatTrace(run.trace()).hasDisposition(Disposition.TOO_BIG);
  }

  @Test
  void byDefaultABigPacketIsFragmentedAndAnswered() {
    PingRun run = lab.ping("router", TestLabs.ping("10.0.2.2", 1).withSize(1500));

    assertThat(run.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            ProbeOutcome.Reply.class, r -> assertThat(r.bytes()).isEqualTo(1508));
    assertThatTrace(run.trace()).passesThrough(StepKind.FRAGMENT);
  }

  @Test
  void routerAnswersFragNeededWithTheNextHopMtuAndTheSenderRemembersIt() {
    PingRun run =
        lab.ping("client", TestLabs.ping("10.0.2.2", 1).withSize(1400).withPmtu(PmtuMode.DO));

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.1"), ProbeOutcome.ErrorKind.FRAG_NEEDED, 1400));
    assertThatTrace(run.trace()).hasDisposition(Disposition.FRAG_NEEDED);
    assertThat(lab.sim.pathMtu(lab.ns("client"), Ipv4Address.parse("10.0.2.2")))
        .hasValueSatisfying(p -> assertThat(p.mtu()).isEqualTo(1400));

    PingRun again =
        lab.ping("client", TestLabs.ping("10.0.2.2", 1).withSize(1400).withPmtu(PmtuMode.DO));
    assertThat(again.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            ProbeOutcome.Error.class,
            e -> assertThat(e.kind()).isEqualTo(ProbeOutcome.ErrorKind.LOCAL_MESSAGE_TOO_LONG));
  }

  @Test
  void aPacketThatFitsTheSmallLinkPassesWithDontFragment() {
    PingRun run =
        lab.ping("client", TestLabs.ping("10.0.2.2", 1).withSize(1372).withPmtu(PmtuMode.DO));

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).neverPassesThrough(StepKind.FRAGMENT);
  }

  @Test
  void withoutDontFragmentTheRouterFragmentsInstead() {
    PingRun run =
        lab.ping("client", TestLabs.ping("10.0.2.2", 1).withSize(1500).withPmtu(PmtuMode.DONT));

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).says(StepKind.FRAGMENT, "router", "MTU of 1400");
  }

  @Test
  void learnedPathMtuExpiresAfterTenMinutes() {
    lab.ping("client", TestLabs.ping("10.0.2.2", 1).withSize(1400).withPmtu(PmtuMode.DO));

    lab.sim.advance(601 * TestLabs.SECOND);

    assertThat(lab.sim.pathMtu(lab.ns("client"), Ipv4Address.parse("10.0.2.2"))).isEmpty();
  }
}
