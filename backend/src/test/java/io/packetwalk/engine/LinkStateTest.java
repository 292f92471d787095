package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Errno;
import io.packetwalk.trace.Disposition;
import org.junit.jupiter.api.Test;

/** Oracle scenario 15 and device kinds that end a packet's life on transmit. */
class LinkStateTest {

  private final TestLabs.Lab lab = TestLabs.vethPair();

  @Test
  void framesSentWithoutCarrierAreDroppedAndCountedAsTransmitDrops() {
    lab.down("ns2", "veth2");

    PingRun run = lab.ping("ns1", TestLabs.ping("10.0.0.2", 2).withInterval(200_000_000L));

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace()).hasDisposition(Disposition.LINK_DOWN);
    // ARP requests at 0 s and 1 s; ping exits at 1.2 s.
    assertThat(lab.dev("ns1", "veth1").counters().txDropped()).isEqualTo(2);
  }

  @Test
  void theSideWhoseDeviceIsDownHasNoRouteAtAll() {
    lab.down("ns2", "veth2");

    PingRun run = lab.ping("ns2", "10.0.0.1");

    assertThat(run.sendError()).isEqualTo(Errno.ENETUNREACH);
  }

  @Test
  void pingWorksAgainOnceBothEndsAreUp() {
    lab.down("ns2", "veth2");
    lab.ping("ns1", "10.0.0.2");
    lab.up("ns2", "veth2");

    assertThat(lab.ping("ns2", "10.0.0.1").received()).isEqualTo(1);
  }

  @Test
  void aDummyDeviceSwallowsWhatItTransmits() {
    lab.ns("ns1").addDummy("dummy0");
    lab.up("ns1", "dummy0").addr("ns1", "dummy0", "10.9.0.1/24");

    PingRun run = lab.ping("ns1", "10.9.0.2");

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace()).hasDisposition(Disposition.DEVICE_DISCARD);
  }
}
