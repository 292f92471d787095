package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final long INTERVAL_200MS = 200_000_000L;

  @Test
  void withoutIpForwardTheRouterDropsTransitTrafficSilently() {
    TestLabs.Lab lab = TestLabs.router(false);

    PingRun run = lab.ping("client", "10.0.2.2");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.FORWARDING_DISABLED)
        .neverPassesThrough(StepKind.ICMP_SENT);
  }

  @Test
  void withoutIpForwardTheRouterStillAnswersForItsFarAddress() {
    TestLabs.Lab lab = TestLabs.router(false);

    PingRun run = lab.ping("client", "10.0.2.1");

    assertThat(run.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(ProbeOutcome.Reply.class, r -> assertThat(r.ttl()).isEqualTo(64));
  }

  @Test
  void withIpForwardPingsCrossAndTheReplyArrivesWithTtl63() {
    TestLabs.Lab lab = TestLabs.router(true);

    PingRun run = lab.ping("client", TestLabs.ping("10.0.2.2", 2).withInterval(INTERVAL_200MS));

    assertThat(run.outcomes())
        .hasSize(2)
        .allSatisfy(o ->
            assertThat(o)
                .isInstanceOfSatisfying(
                    ProbeOutcome.Reply.class, r -> assertThat(r.ttl()).isEqualTo(63)));
    assertThatTrace(run.trace())
        .passesThrough(StepKind.TTL_DECREMENT)
        .passesThrough(StepKind.FORWARD);
  }

  @Test
  void routerWithoutARouteAnswersNetUnreachableFromItsIngressAddress() {
    TestLabs.Lab lab = TestLabs.router(true);

    PingRun run = lab.ping("client", "192.0.2.10");

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.1"), ProbeOutcome.ErrorKind.NET_UNREACHABLE, 0));
    assertThatTrace(run.trace()).hasDisposition(Disposition.NO_ROUTE);
  }

  @Test
  void ttlOfOneExpiresAtTheRouter() {
    TestLabs.Lab lab = TestLabs.router(true);

    PingRun run = lab.ping("client", TestLabs.ping("10.0.2.2", 1).withTtl(1));

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.1"), ProbeOutcome.ErrorKind.TTL_EXCEEDED, 0));
    assertThatTrace(run.trace()).hasDisposition(Disposition.TTL_EXCEEDED);
  }

  @Test
  void ttlOfTwoReachesTheServerAndTtlOneStillReachesTheRouterItself() {
    TestLabs.Lab lab = TestLabs.router(true);

    assertThat(lab.ping("client", TestLabs.ping("10.0.2.2", 1).withTtl(2)).received()).isEqualTo(1);
    assertThat(lab.ping("client", TestLabs.ping("10.0.1.1", 1).withTtl(1)).received()).isEqualTo(1);
  }

  @Test
  void timeExceededErrorsAreRateLimitedToABurstOfSixThenOnePerSecond() {
    TestLabs.Lab lab = TestLabs.router(true);

    PingRun run =
        lab.ping("client", TestLabs.ping("10.0.2.2", 12).withInterval(INTERVAL_200MS).withTtl(1));

    List<Integer> answered =
        run.outcomes().stream()
            .filter(o -> o instanceof ProbeOutcome.Error)
            .map(ProbeOutcome::sequence)
            .toList();
    assertThat(answered).containsExactly(1, 2, 3, 4, 5, 6, 7, 11);
    assertThatTrace(run.trace()).says(StepKind.ICMP_SENT, "router", "suppressed");
  }

  @Test
  void aRoutingLoopEndsWhenTheTtlRunsOut() {
    TestLabs.Lab lab =
        TestLabs.router(true)
            .sysctl("server", "net.ipv4.ip_forward", "1")
            .via("router", "192.0.2.0/24", "10.0.2.2");

    PingRun run = lab.ping("client", "192.0.2.7");

    // 63 hops take the TTL from 64 to 1; the server drops it there, and its time-exceeded error
    // crosses the router once more on the way back.
    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.2.2"), ProbeOutcome.ErrorKind.TTL_EXCEEDED, 0));
    assertThat(run.trace().steps().stream().filter(s -> s.kind() == StepKind.TTL_DECREMENT).count())
        .isEqualTo(64);
  }
}
