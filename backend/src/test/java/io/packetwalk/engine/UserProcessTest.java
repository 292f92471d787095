package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.engine.process.Agent;
import io.packetwalk.engine.process.ReceivedDatagram;
import io.packetwalk.engine.process.Syscalls;
import io.packetwalk.engine.process.UdpSocket;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.OpaqueData;
import io.packetwalk.net.packet.UdpPayload;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents in user space: their sockets, and the packet crossing into user space and back. */
class UserProcessTest {

  private static final long SECOND = 1_000_000_000L;

  private final TestLabs.Lab lab = TestLabs.vethPair();

  /** Answers every datagram on its port with the same data, as an echo server (RFC 862) does. */
  private record EchoAgent(int port) implements Agent {

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public void start(Syscalls kernel) {
      kernel.bindUdp(port, (socket, d) -> socket.sendTo(d.source(), d.sourcePort(), d.payload()));
    }
  }

  /** Sends {@code payload} to the server at start and again after each {@code repeatNs}. */
  private static final class Client implements Agent {

    final List<ReceivedDatagram> received = new ArrayList<>();
    private final int port;
    private final int sends;
    private final UdpPayload payload;

    Client(int port, int sends, UdpPayload payload) {
      this.port = port;
      this.sends = sends;
      this.payload = payload;
    }

    @Override
    public String name() {
      return "client";
    }

    @Override
    public void start(Syscalls kernel) {
      UdpSocket socket = kernel.bindUdp(port, (s, d) -> received.add(d));
      send(kernel, socket, sends);
    }

    private void send(Syscalls kernel, UdpSocket socket, int left) {
      socket.sendTo(Ipv4Address.parse("10.0.0.2"), 7, payload);
      if (left > 1) {
        kernel.after(SECOND, () -> send(kernel, socket, left - 1));
      }
    }
  }

  @Test
  void aDatagramCrossesIntoUserSpaceAndBackOnEachSide() {
    ProcessRun echo = lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));
    assertThat(echo.trace().steps()).isEmpty();
    Client client = new Client(40000, 1, new OpaqueData(5));

    ProcessRun run = lab.sim.spawn(lab.ns("ns1"), client);

    assertThat(run.pid()).isEqualTo(echo.pid() + 1);
    assertThat(client.received)
        .containsExactly(
            new ReceivedDatagram(
                Ipv4Address.parse("10.0.0.2"),
                7,
                Ipv4Address.parse("10.0.0.1"),
                new OpaqueData(5)));
    Trace trace = run.trace();
    assertThat(
            trace.steps().stream()
                .filter(s ->
                    s.kind() == StepKind.USERSPACE_READ || s.kind() == StepKind.USERSPACE_WRITE)
                .map(s -> s.kind() + " " + s.location().netns()))
        .containsExactly(
            "USERSPACE_WRITE ns1",
            "USERSPACE_READ ns2",
            "USERSPACE_WRITE ns2",
            "USERSPACE_READ ns1");
    assertThatTrace(trace)
        .isCausallyLinked()
        .says(
            StepKind.USERSPACE_WRITE,
            "ns1",
            "client (pid "
                + run.pid()
                + ") writes a 5-byte datagram for 10.0.0.2:7 to fd 3 (its"
                + " UDP socket on port 40000): the data passes from user space into the kernel.")
        .says(
            StepKind.SOCKET_DELIVER,
            "ns2",
            "The datagram waits in the receive queue of echo (pid "
                + echo.pid()
                + ")'s UDP socket"
                + " on port 7 in ns2.")
        .says(
            StepKind.USERSPACE_READ,
            "ns2",
            "echo (pid "
                + echo.pid()
                + ") reads the 5-byte datagram from 10.0.0.1:40000 on fd 3"
                + " (its UDP socket on port 7): the data leaves the kernel for user space.")
        .hasNoDisposition(Disposition.PORT_CLOSED);
    Step echoWrite =
        assertThatTrace(trace)
            .steps(s -> s.kind() == StepKind.USERSPACE_WRITE && s.location().netns().equals("ns2"))
            .getFirst();
    Step echoRead =
        assertThatTrace(trace)
            .steps(s -> s.kind() == StepKind.USERSPACE_READ && s.location().netns().equals("ns2"))
            .getFirst();
    assertThat(echoWrite.causeSeq()).isEqualTo(echoRead.seq());
    assertThat(echoRead.disposition()).isEqualTo(Disposition.DELIVERED);
  }

  @Test
  void aCarriedIpPacketReachesTheProcessWhole() {
    lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));
    Ipv4Packet pod =
        new Ipv4Packet(
            Ipv4Address.parse("10.244.1.2"),
            Ipv4Address.parse("10.244.2.2"),
            63,
            9,
            true,
            IcmpMessage.echoRequest(1, 1, 56));
    Client client = new Client(8285, 1, new CarriedIpPacket(pod));

    lab.sim.spawn(lab.ns("ns1"), client);

    assertThat(client.received)
        .singleElement()
        .satisfies(d -> assertThat(d.payload()).isEqualTo(new CarriedIpPacket(pod)));
  }

  @Test
  void handlersKeepRunningAfterTheSpawnAsTimeGoesOn() {
    lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));
    Client client = new Client(40000, 3, new OpaqueData(1));
    lab.sim.spawn(lab.ns("ns1"), client);
    assertThat(client.received).hasSize(1);

    lab.sim.advance(3 * SECOND);

    assertThat(client.received).hasSize(3);
  }

  @Test
  void aTakenPortRefusesTheBindAndTheFailedProcessLeavesNothingOpen() {
    lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));
    Agent twoPorts =
        new Agent() {
          @Override
          public String name() {
            return "two-ports";
          }

          @Override
          public void start(Syscalls kernel) {
            kernel.bindUdp(8000, (s, d) -> {});
            kernel.bindUdp(7, (s, d) -> {});
          }
        };

    assertThatThrownBy(() -> lab.sim.spawn(lab.ns("ns2"), twoPorts))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE));
    assertThat(lab.sim.listen(lab.ns("ns2"), L4Protocol.UDP, 8000, false)).isTrue();
    assertThat(lab.sim.listen(lab.ns("ns2"), L4Protocol.UDP, 7, false)).isFalse();
    assertThatThrownBy(() -> lab.sim.spawn(lab.ns("ns2"), new EchoAgent(8000)))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE));
    assertThatThrownBy(() -> lab.sim.spawn(lab.ns("ns2"), new EchoAgent(0)))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
  }

  @Test
  void aDatagramToAPortNoProcessHoldsStillGetsPortUnreachable() {
    lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));

    ProcessRun run =
        lab.sim.spawn(
            lab.ns("ns1"),
            new Agent() {
              @Override
              public String name() {
                return "stray";
              }

              @Override
              public void start(Syscalls kernel) {
                kernel
                    .bindUdp(40001, (s, d) -> {})
                    .sendTo(Ipv4Address.parse("10.0.0.2"), 8, new OpaqueData(1));
              }
            });

    assertThatTrace(run.trace())
        .hasDisposition(Disposition.PORT_CLOSED)
        .neverPassesThrough(StepKind.USERSPACE_READ);
  }

  @Test
  void twoEchoServersAnsweringEachOtherEndOnTheFrameBudgetInsteadOfLoopingForever() {
    lab.sim.spawn(lab.ns("ns2"), new EchoAgent(7));
    Agent echoThatSpeaksFirst =
        new Agent() {
          @Override
          public String name() {
            return "echo";
          }

          @Override
          public void start(Syscalls kernel) {
            kernel
                .bindUdp(7, (s, d) -> s.sendTo(d.source(), d.sourcePort(), d.payload()))
                .sendTo(Ipv4Address.parse("10.0.0.2"), 7, new OpaqueData(1));
          }
        };

    ProcessRun run = lab.sim.spawn(lab.ns("ns1"), echoThatSpeaksFirst);

    assertThatTrace(run.trace()).hasDisposition(Disposition.STORM_BUDGET);
  }
}
