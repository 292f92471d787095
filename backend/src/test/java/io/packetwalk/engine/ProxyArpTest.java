package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NeighbourTable;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/**
 * Oracle scenarios 08 and 11: c has only {@code default dev eth0}, so it ARPs for every destination
 * itself; the router r forwards between 10.0.1.0/24 (rc) and 10.0.2.0/24 (rs).
 */
class ProxyArpTest {

  private final TestLabs.Lab lab =
      new TestLabs.Lab()
          .veth("c", "eth0", "02:00:00:00:01:02", "r", "rc", "02:00:00:00:01:01")
          .veth("s", "eth0", "02:00:00:00:02:02", "r", "rs", "02:00:00:00:02:01")
          .addr("c", "eth0", "10.0.1.2/24")
          .addr("r", "rc", "10.0.1.1/24")
          .addr("r", "rs", "10.0.2.1/24")
          .addr("s", "eth0", "10.0.2.2/24")
          .loUp("c")
          .sysctl("r", "net.ipv4.ip_forward", "1")
          .via("s", "default", "10.0.2.1")
          .onLink("c", "default", "eth0");

  @Test
  void withoutProxyArpTheRemoteHostStaysUnresolved() {
    PingRun run = lab.ping("c", TestLabs.ping("10.0.2.2", 1).withTimeout(4 * TestLabs.SECOND));

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.2"), ProbeOutcome.ErrorKind.HOST_UNREACHABLE, 0));
  }

  @Test
  void theRouterAnswersForItsOtherAddressWithTheMacOfTheAskingSide() {
    PingRun run = lab.ping("c", "10.0.2.1");

    assertThat(run.received()).isEqualTo(1);
    assertThat(neighbour("10.0.2.1").lladdr()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
    assertThatTrace(run.trace()).says(StepKind.LOCAL_DELIVER, "r", "on another interface");
  }

  @Test
  void withProxyArpTheRouterAnswersForTheRemoteHostAfterADelay() {
    lab.sysctl("r", "net.ipv4.conf.rc.proxy_arp", "1");

    PingRun run =
        lab.ping(
            "c",
            TestLabs.ping("10.0.2.2", 2)
                .withInterval(200_000_000L)
                .withTimeout(2 * TestLabs.SECOND));

    assertThat(run.outcomes())
        .hasSize(2)
        .allSatisfy(o ->
            assertThat(o)
                .isInstanceOfSatisfying(
                    ProbeOutcome.Reply.class, r -> assertThat(r.ttl()).isEqualTo(63)));
    assertThat(neighbour("10.0.2.2").lladdr()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
    assertThatTrace(run.trace())
        .says(StepKind.ARP_PROXY_REPLY, "r", "holds the request")
        .says(StepKind.ARP_PROXY_REPLY, "r", "by proxy with rc's own MAC");
    ProbeOutcome.Reply first = (ProbeOutcome.Reply) run.outcomes().getFirst();
    assertThat(first.rttNs()).isLessThan(ArpInput.PROXY_DELAY_MS * 1_000_000L + 1_000_000L);
  }

  @Test
  void anExplicitProxyEntryAnswersOnlyWhileForwardingIsOn() {
    lab.ns("r")
        .neighbours()
        .addProxy(new NeighbourTable.ProxyEntry(Ipv4Address.parse("10.0.2.2"), lab.dev("r", "rc")));
    PingOptions twoSeconds = TestLabs.ping("10.0.2.2", 1).withTimeout(2 * TestLabs.SECOND);

    assertThat(lab.ping("c", twoSeconds).received()).isEqualTo(1);

    lab.ns("c").neighbours().removeIf(e -> true);
    lab.sysctl("r", "net.ipv4.ip_forward", "0");
    PingRun withoutForwarding = lab.ping("c", twoSeconds);
    assertThat(withoutForwarding.received()).isZero();
    assertThatTrace(withoutForwarding.trace()).neverPassesThrough(StepKind.ARP_PROXY_REPLY);
  }

  private NeighbourEntry neighbour(String address) {
    return lab.ns("c").neighbours().entries().stream()
        .filter(e -> e.address().equals(Ipv4Address.parse(address)))
        .findFirst()
        .orElseThrow();
  }
}
