package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

class StormTest {

  @Test
  void aBroadcastInABridgeLoopEndsWithTheStormBudget() {
    TestLabs.Lab lab = TestLabs.bridgeLoop();

    PingRun run = lab.ping("h1", "172.16.0.9");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.STORM_BUDGET)
        .passesThrough(StepKind.BRIDGE_FLOOD);
    assertThat(run.trace().steps().stream().filter(s -> s.kind() == StepKind.DEVICE_RX).count())
        .isGreaterThan(Engine.FRAME_BUDGET / 2);
  }

  @Test
  void theStormKeepsMovingTheHostsFdbEntryBetweenPorts() {
    TestLabs.Lab lab = TestLabs.bridgeLoop();

    PingRun run = lab.ping("h1", "172.16.0.9");

    assertThatTrace(run.trace()).says(StepKind.BRIDGE_LEARN, "", "moves its FDB entry");
  }

  @Test
  void timePassingAfterAStormIsBoundedToo() {
    TestLabs.Lab lab = TestLabs.bridgeLoop();
    lab.ping("h1", "172.16.0.9");

    lab.sim.advance(5 * TestLabs.SECOND);

    assertThat(lab.world.now()).isGreaterThanOrEqualTo(5 * TestLabs.SECOND);
  }
}
