package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * The asymmetric path of oracle scenario 09: c pings the router from 10.0.3.5 out of c-a, while the
 * router's route back to 10.0.3.0/24 leaves by r-b.
 */
class RpFilterTest {

  private final TestLabs.Lab lab =
      new TestLabs.Lab()
          .veth("c", "c-a", "02:00:00:00:0a:02", "r", "r-a", "02:00:00:00:0a:01")
          .veth("c", "c-b", "02:00:00:00:0b:02", "r", "r-b", "02:00:00:00:0b:01")
          .addr("c", "c-a", "10.0.1.2/24")
          .addr("c", "c-b", "10.0.3.5/24")
          .addr("r", "r-a", "10.0.1.1/24")
          .addr("r", "r-b", "10.0.3.1/24");

  private PingRun pingFromTheOtherSubnet() {
    return lab.ping("c", TestLabs.ping("10.0.1.1", 1).withInterface("10.0.3.5"));
  }

  @Test
  void withRpFilterOffTheAsymmetricPingIsAnswered() {
    PingRun run = pingFromTheOtherSubnet();

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).neverPassesThrough(StepKind.RP_FILTER_CHECK);
  }

  @Test
  void strictModeDropsAPacketWhoseRouteBackUsesAnotherInterface() {
    pingFromTheOtherSubnet();
    lab.sysctl("r", "net.ipv4.conf.all.rp_filter", "1");

    PingRun run = pingFromTheOtherSubnet();

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.RP_FILTER)
        .says(StepKind.RP_FILTER_CHECK, "r", "not r-a");
  }

  @Test
  void looseModeOnlyAsksForSomeRouteBack() {
    pingFromTheOtherSubnet();
    lab.sysctl("r", "net.ipv4.conf.all.rp_filter", "2");

    PingRun run = pingFromTheOtherSubnet();

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).says(StepKind.RP_FILTER_CHECK, "r", "loose");
  }

  @Test
  void theEffectiveValueIsTheMaximumOfAllAndTheInterface() {
    pingFromTheOtherSubnet();
    lab.sysctl("r", "net.ipv4.conf.r-a.rp_filter", "1");
    assertThat(pingFromTheOtherSubnet().received()).isZero();

    lab.sysctl("r", "net.ipv4.conf.all.rp_filter", "1");
    lab.sysctl("r", "net.ipv4.conf.r-a.rp_filter", "2");
    assertThat(pingFromTheOtherSubnet().received()).isEqualTo(1);

    lab.sysctl("r", "net.ipv4.conf.r-a.rp_filter", "0");
    assertThat(pingFromTheOtherSubnet().received()).isZero();
  }

  @Test
  void aSymmetricPingPassesStrictMode() {
    lab.sysctl("r", "net.ipv4.conf.all.rp_filter", "1");

    PingRun run = lab.ping("c", "10.0.1.1");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).says(StepKind.RP_FILTER_CHECK, "r", "it passes");
  }
}
