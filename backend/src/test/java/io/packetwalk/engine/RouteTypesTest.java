package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.trace.Disposition;
import org.junit.jupiter.api.Test;

/** Oracle scenario 12: reject routes seen by a local sender and by a forwarded packet. */
class RouteTypesTest {

  private final TestLabs.Lab lab =
      new TestLabs.Lab()
          .veth("c", "eth0", "02:00:00:00:01:02", "r", "rc", "02:00:00:00:01:01")
          .addr("c", "eth0", "10.0.1.2/24")
          .addr("r", "rc", "10.0.1.1/24")
          .loUp("r")
          .sysctl("r", "net.ipv4.ip_forward", "1")
          .via("c", "default", "10.0.1.1")
          .reject("r", RouteType.UNREACHABLE, "203.0.113.0/24")
          .reject("r", RouteType.PROHIBIT, "198.51.100.0/24")
          .reject("r", RouteType.BLACKHOLE, "192.0.2.0/24");

  @Test
  void localSenderGetsTheErrnoOfEachRejectRoute() {
    assertThat(lab.ping("r", "203.0.113.5").sendError()).isEqualTo(Errno.EHOSTUNREACH);
    assertThat(lab.ping("r", "198.51.100.5").sendError()).isEqualTo(Errno.EACCES);
    assertThat(lab.ping("r", "192.0.2.5").sendError()).isEqualTo(Errno.EINVAL);
  }

  @Test
  void localSenderWithoutAnyRouteGetsNetworkUnreachable() {
    PingRun run = lab.ping("r", "10.9.9.9");

    assertThat(run.sendError()).isEqualTo(Errno.ENETUNREACH);
    assertThat(run.outcomes()).isEmpty();
    assertThatTrace(run.trace()).hasDisposition(Disposition.NO_ROUTE);
  }

  @Test
  void forwardedPacketHittingAnUnreachableRouteGetsHostUnreachable() {
    PingRun run = lab.ping("c", "203.0.113.5");

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.1"), ProbeOutcome.ErrorKind.HOST_UNREACHABLE, 0));
    assertThatTrace(run.trace()).hasDisposition(Disposition.UNREACHABLE_ROUTE);
  }

  @Test
  void forwardedPacketHittingAProhibitRouteIsReportedAsFiltered() {
    PingRun run = lab.ping("c", "198.51.100.5");

    assertThat(run.outcomes())
        .singleElement()
        .isEqualTo(
            new ProbeOutcome.Error(
                1, Ipv4Address.parse("10.0.1.1"), ProbeOutcome.ErrorKind.PROHIBITED, 0));
    assertThatTrace(run.trace()).hasDisposition(Disposition.PROHIBITED_ROUTE);
  }

  @Test
  void forwardedPacketHittingABlackholeVanishesSilently() {
    PingRun run = lab.ping("c", "192.0.2.5");

    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThatTrace(run.trace()).hasDisposition(Disposition.BLACKHOLE);
  }
}
