package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

class LoopbackTest {

  private final TestLabs.Lab lab = TestLabs.vethPair();

  @Test
  void pingingYourOwnAddressGoesThroughLo() {
    PingRun run = lab.ping("ns1", "10.0.0.1");

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace())
        .neverPassesThrough(StepKind.ARP_REQUEST_SENT)
        .says(StepKind.DEVICE_TX, "ns1", "lo in ns1");
    assertThat(lab.sim.captured(lab.ns("ns2"), lab.dev("ns2", "veth2"))).isEmpty();
  }

  @Test
  void pingingLocalhostAnswersFrom127001() {
    PingRun run = lab.ping("ns1", "127.0.0.1");

    assertThat(run.outcomes())
        .singleElement()
        .isInstanceOfSatisfying(
            ProbeOutcome.Reply.class, r -> assertThat(r.from().toString()).isEqualTo("127.0.0.1"));
  }

  @Test
  void withLoDownLocalTrafficIsLostWithoutAnError() {
    lab.down("ns1", "lo");

    PingRun run = lab.ping("ns1", "10.0.0.1");

    assertThat(run.sendError()).isNull();
    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThatTrace(run.trace()).hasDisposition(Disposition.LINK_DOWN);
    assertThat(lab.dev("ns1", "lo").counters().txDropped()).isEqualTo(1);
  }
}
