package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import org.junit.jupiter.api.Test;

class VethPingTest {

  @Test
  void firstPingResolvesTheNeighbourBeforeTheEchoRequestLeaves() {
    TestLabs.Lab lab = TestLabs.vethPair();
    PingRun run = lab.ping("ns1", "10.0.0.2");
    System.out.println(GoldenTrace.render(run.trace()));
    assertThat(run.outcomes()).hasSize(1).first().isInstanceOf(ProbeOutcome.Reply.class);
    assertThatTrace(run.trace()).hasDisposition(Disposition.DELIVERED).isCausallyLinked();
  }
}
