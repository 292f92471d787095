package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void sameWorldAndSameCallsGiveTheSameTracesByteForByte() {
    assertThat(session()).isEqualTo(session());
  }

  /** A bridge, a router with proxy ARP (random delay) and neighbour timers, all rendered. */
  private static List<String> session() {
    List<String> out = new ArrayList<>();
    TestLabs.Lab bridge = TestLabs.threeOnBridge();
    record(out, () -> bridge.ping("h1", TestLabs.ping("172.16.0.3", 3).withInterval(300_000_000L)));
    bridge.sim.advance(40 * TestLabs.SECOND);
    record(out, () -> bridge.ping("h2", "172.16.0.1"));

    TestLabs.Lab router =
        TestLabs.router(true).sysctl("router", "net.ipv4.conf.r-c.proxy_arp", "1");
    router.onLink("client", "198.51.100.0/24", "eth0");
    router.via("router", "198.51.100.0/24", "10.0.2.2");
    record(out, () -> router.ping("client", TestLabs.ping("198.51.100.1", 2)));
    record(out, () -> router.ping("client", TestLabs.ping("10.0.2.2", 2).withTtl(1)));
    return out;
  }

  private static void record(List<String> out, Supplier<PingRun> run) {
    PingRun result = run.get();
    out.add(GoldenTrace.render(result.trace()));
    out.add(result.outcomes().toString());
  }
}
