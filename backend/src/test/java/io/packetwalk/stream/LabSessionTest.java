package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One lab without a server: the built-in lab, pings and commands, in memory. */
class LabSessionTest {

  private final LabSession lab = new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE));

  @Test
  void theBuiltInLabIsNamedByItsFirstLine() {
    assertThat(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE).name())
        .isEqualTo("Two namespaces and a veth pair");
  }

  @Test
  void pingFromTheRootNamespaceHasNoRouteAndSaysSo() {
    List<ServerMessage> out = new ArrayList<>();
    lab.handle(new Ping("p1", new NamespaceRef("host1", ""), "10.0.0.2", 1), out::add);
    assertThat(out.getFirst())
        .isEqualTo(new TraceStart("p1", "ping -c 1 10.0.0.2 from host1 (root)"));
    TraceEnd end = (TraceEnd) out.getLast();
    assertThat(end.exit()).isNotZero();
    assertThat(end.outcome()).isNotBlank();
    assertThat(end.stepCount()).isEqualTo(out.size() - 2);
  }

  @Test
  void twoPingsInARowEachStreamTheirOwnTrace() {
    List<ServerMessage> first = new ArrayList<>();
    lab.handle(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), first::add);
    List<ServerMessage> second = new ArrayList<>();
    lab.handle(new Ping("p2", new NamespaceRef("host1", "ns1"), "10.0.0.2", 2), second::add);
    assertThat(((TraceEnd) first.getLast()).outcome())
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(((TraceEnd) second.getLast()).outcome())
        .isEqualTo("2 packets transmitted, 2 received, 0% packet loss");
    assertThat(second.getFirst()).isEqualTo(new TraceStart("p2", "ping -c 2 10.0.0.2 from ns1"));
    assertThat(second.subList(1, second.size() - 1))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(((TraceStep) m).requestId()).isEqualTo("p2"));
  }

  @Test
  void aTraceLongerThanTheLimitIsRefusedInsteadOfStreamed() {
    LabSession small = new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE), 5);
    List<ServerMessage> out = new ArrayList<>();
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                small.handle(
                    new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), out::add));
    assertThat(out).isEmpty();
    assertThat(refused.error().reason()).isEqualTo(ErrorReason.SIMULATION_FAILED);
    assertThat(refused.error().requestId()).isEqualTo("p1");
    assertThat(refused.error().message()).contains("more than the 5 one trace may stream");
  }

  @Test
  void aCommandThatChangesNothingIsNotFollowedByATopology() {
    List<ServerMessage> out = new ArrayList<>();
    lab.handle(new Command("c1", new NamespaceRef("host1", "ns2"), "ip route"), out::add);
    assertThat(out).hasSize(1);
    CommandResult result = (CommandResult) out.getFirst();
    assertThat(result.exit()).isZero();
    assertThat(result.stdout()).contains("10.0.0.0/24 dev veth2");
  }

  @Test
  void anUnknownNamespaceIsRefusedWithTheNamesThatExist() {
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                lab.handle(
                    new Command("c1", new NamespaceRef("host2", "ns1"), "ip link"), m -> {}));
    assertThat(refused.error().reason()).isEqualTo(ErrorReason.UNKNOWN_NAMESPACE);
    assertThat(refused.error().requestId()).isEqualTo("c1");
    assertThat(refused.error().message()).contains("host2").contains("host1");
  }

  @Test
  void theOutcomeIsPingsStatisticsLineWithoutItsWallClockTime() {
    CommandOutcome ok =
        new CommandOutcome(
            1,
            "ping -c 1 -W 1 10.0.0.2",
            0,
            "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n"
                + "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.040 ms\n\n"
                + "--- 10.0.0.2 ping statistics ---\n"
                + "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
                + "rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms\n",
            "");
    assertThat(LabSession.pingOutcome(ok))
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");

    CommandOutcome failed =
        new CommandOutcome(
            1, "ping -c 1 -W 1 10.9.9.9", 2, "", "ping: connect: Network is unreachable\n");
    assertThat(LabSession.pingOutcome(failed)).isEqualTo("ping: connect: Network is unreachable");

    CommandOutcome silent = new CommandOutcome(1, "ping", 1, "", "");
    assertThat(LabSession.pingOutcome(silent)).isEqualTo("ping exited with status 1.");
  }
}
