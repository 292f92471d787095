package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Errno;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Oracle scenario 26: nc -l listeners in srv, nc -z probes from cli. */
class NcTest {

  private final TestLabs.Lab lab =
      new TestLabs.Lab()
          .veth("srv", "eth0", "02:00:00:00:0a:01", "cli", "eth0", "02:00:00:00:0b:01")
          .addr("srv", "eth0", "10.77.0.1/24")
          .addr("cli", "eth0", "10.77.0.2/24")
          .loUp("srv", "cli");

  NcTest() {
    lab.sim.listen(lab.ns("srv"), L4Protocol.TCP, 8080, false);
    lab.sim.listen(lab.ns("srv"), L4Protocol.TCP, 9090, true);
    lab.sim.listen(lab.ns("srv"), L4Protocol.UDP, 5353, false);
  }

  @Test
  void tcpProbeToAListenerCompletesTheHandshakeAndClosesAtOnce() {
    ConnectRun run = lab.nc("cli", L4Protocol.TCP, "10.77.0.1", 9090);

    assertThat(run.succeeded()).isTrue();
    assertThat(run.error()).isNull();
    List<String> flags =
        lab.sim.captured(lab.ns("cli"), lab.dev("cli", "eth0")).stream()
            .filter(c -> c.frame().payload() instanceof Ipv4Packet)
            .map(c ->
                c.direction()
                    + " "
                    + ((TcpSegment) ((Ipv4Packet) c.frame().payload()).payload()).flagLetters())
            .toList();
    assertThat(flags).containsExactly("OUT S", "IN S.", "OUT .", "OUT F.", "IN F.", "OUT .");
  }

  @Test
  void tcpProbeToAClosedPortIsRefusedByAReset() {
    ConnectRun run = lab.nc("cli", L4Protocol.TCP, "10.77.0.1", 9091);

    assertThat(run.succeeded()).isFalse();
    assertThat(run.error()).isEqualTo(Errno.ECONNREFUSED);
    assertThatTrace(run.trace())
        .hasDisposition(Disposition.PORT_CLOSED)
        .says(StepKind.TCP_SENT, "srv", "reset");
  }

  @Test
  void udpProbesSucceedWithoutSendingAnythingWhetherOrNotAnythingListens() {
    ConnectRun open = lab.nc("cli", L4Protocol.UDP, "10.77.0.1", 5353);
    ConnectRun closed = lab.nc("cli", L4Protocol.UDP, "10.77.0.1", 5354);

    assertThat(open.succeeded()).isTrue();
    assertThat(closed.succeeded()).isTrue();
    assertThat(lab.sim.captured(lab.ns("cli"), lab.dev("cli", "eth0"))).isEmpty();
  }

  @Test
  void probeToAnUnresolvableNeighbourTimesOutAfterTheWaitTime() {
    ConnectRun run = lab.nc("cli", L4Protocol.TCP, "10.77.0.9", 80);

    assertThat(run.error()).isEqualTo(Errno.ETIMEDOUT);
    assertThat(run.elapsedNs()).isEqualTo(TestLabs.SECOND);
  }

  @Test
  void withALongerWaitTheFailedArpAbortsTheConnectWithNoRouteToHost() {
    ConnectRun run =
        lab.sim.connect(
            lab.ns("cli"),
            new ConnectOptions(
                L4Protocol.TCP, Ipv4Address.parse("10.77.0.9"), 80, 5 * TestLabs.SECOND));

    assertThat(run.error()).isEqualTo(Errno.EHOSTUNREACH);
    assertThat(run.elapsedNs()).isBetween(3 * TestLabs.SECOND, 3 * TestLabs.SECOND + 100_000);
  }

  @Test
  void probeWithoutARouteFailsAtOnceWithNetworkUnreachable() {
    ConnectRun run = lab.nc("cli", L4Protocol.TCP, "10.78.0.1", 80);

    assertThat(run.error()).isEqualTo(Errno.ENETUNREACH);
    assertThat(run.elapsedNs()).isZero();
  }

  @Test
  void aListenerWithoutKeepOpenServesOneConnectionThenThePortIsClosed() {
    assertThat(lab.nc("srv", L4Protocol.TCP, "127.0.0.1", 8080).succeeded()).isTrue();

    ConnectRun second = lab.nc("cli", L4Protocol.TCP, "10.77.0.1", 8080);

    assertThat(second.error()).isEqualTo(Errno.ECONNREFUSED);
    assertThat(lab.nc("cli", L4Protocol.TCP, "10.77.0.1", 9090).succeeded()).isTrue();
    assertThat(lab.nc("cli", L4Protocol.TCP, "10.77.0.1", 9090).succeeded()).isTrue();
  }

  @Test
  void listeningTwiceOnOnePortIsRefused() {
    assertThat(lab.sim.listen(lab.ns("srv"), L4Protocol.TCP, 9090, false)).isFalse();
    assertThat(lab.sim.listen(lab.ns("srv"), L4Protocol.UDP, 9090, false)).isTrue();
  }

  @Test
  void theSynIsRetransmittedWithExponentialBackoff() {
    ConnectRun run =
        lab.sim.connect(
            lab.ns("cli"),
            new ConnectOptions(
                L4Protocol.TCP, Ipv4Address.parse("10.77.0.1"), 7, 4 * TestLabs.SECOND));
    assertThat(run.error()).isEqualTo(Errno.ECONNREFUSED);

    // srv's eth0 going down takes the carrier of cli's end, which would evict the neighbour entry
    // (and end the connect with EHOSTUNREACH); with arp_evict_nocarrier off the SYNs go out
    // unheard.
    lab.sysctl("cli", "net.ipv4.conf.all.arp_evict_nocarrier", "0");
    lab.down("srv", "eth0");
    ConnectRun unanswered =
        lab.sim.connect(
            lab.ns("cli"),
            new ConnectOptions(
                L4Protocol.TCP, Ipv4Address.parse("10.77.0.1"), 9090, 4 * TestLabs.SECOND));
    assertThat(unanswered.error()).isEqualTo(Errno.ETIMEDOUT);
    assertThat(
            unanswered.trace().steps().stream()
                .filter(s -> s.kind() == StepKind.PACKET_CREATED)
                .map(s -> s.timeNs())
                .toList())
        .containsExactly(0L, TestLabs.SECOND + 4_000_000L, 3 * TestLabs.SECOND + 8_000_000L);
  }
}
