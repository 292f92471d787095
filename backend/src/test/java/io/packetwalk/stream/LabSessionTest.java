package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabPosition;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.Inspect;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceState;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.StateChangeView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.system.SimulationSlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One lab without a server: the built-in lab, pings and commands, in memory. */
class LabSessionTest {

  private final LabSession lab = new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE));
  private final SimulationSlots slots =
      new SimulationSlots(
          new SimulationSlots.LaneSize(1, 4),
          new SimulationSlots.LaneSize(1, 4),
          Duration.ofSeconds(5));
  private final LabSession.Run run = new LabSession.Run(slots, RunLimits.DEFAULTS, () -> false);

  @AfterEach
  void closeSlots() {
    slots.close();
  }

  @Test
  void boxPositionsGoIntoTheLabDocumentAndComeBackWhenItOpens() {
    lab.place(
        new Place(
            List.of(
                new Position("host1", "ns1", 120, 80.5),
                new Position("host1", "gone", 10, 10),
                new Position("host1", "", 400, 300))));

    LabDocument document = lab.document();
    assertThat(document.layout())
        .containsExactly(
            new LabPosition("host1", "ns1", 120, 80.5), new LabPosition("host1", "", 400, 300));

    LabSession reopened = new LabSession(document, lab.world(), true);
    assertThat(reopened.layout()).isEqualTo(document.layout());
  }

  @Test
  void theBuiltInLabIsNamedByItsFirstLine() {
    assertThat(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE).name())
        .isEqualTo("Two namespaces and a veth pair");
  }

  @Test
  void pingFromTheRootNamespaceHasNoRouteAndSaysSo() {
    List<ServerMessage> out = new ArrayList<>();
    lab.ping(new Ping("p1", new NamespaceRef("host1", ""), "10.0.0.2", 1), run, out::add);
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
    lab.ping(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), run, first::add);
    List<ServerMessage> second = new ArrayList<>();
    lab.ping(new Ping("p2", new NamespaceRef("host1", "ns1"), "10.0.0.2", 2), run, second::add);
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
  void aTraceLongerThanTheKeptStepLimitStreamsItsFirstStepsAndCountsTheRest() {
    LabSession.Run small =
        new LabSession.Run(
            slots,
            new RunLimits(
                5_000, 5, Duration.ofDays(1).toNanos(), Duration.ofSeconds(10).toNanos(), 1 << 20),
            () -> false);
    List<ServerMessage> out = new ArrayList<>();
    lab.ping(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), small, out::add);
    TraceEnd end = (TraceEnd) out.getLast();
    assertThat(end.stepCount()).isEqualTo(5);
    assertThat(out).hasSize(7);
    assertThat(end.omittedSteps()).isPositive();
    assertThat(end.outcome()).isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
  }

  @Test
  void theSessionKeepsNoTraceAfterStreamingIt() {
    lab.ping(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), run, m -> {});
    lab.command(
        new Command("c1", new NamespaceRef("host1", "ns1"), "ping -c 3 10.0.0.2"), run, m -> {});
    assertThat(lab.shell().lastTrace()).isEmpty();
  }

  @Test
  void aPingTypedInTheConsoleStreamsItsTraceAfterItsResultAsThePingButtonDoes() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(
        new Command("c1", new NamespaceRef("host1", "ns1"), "ping -c 1 10.0.0.2"), run, out::add);
    CommandResult result = (CommandResult) out.getFirst();
    assertThat(result.exit()).isZero();
    assertThat(result.stdout()).contains("1 received");
    assertThat(out.get(1)).isEqualTo(new TraceStart("c1", "ping -c 1 10.0.0.2 in ns1"));
    TraceEnd end = (TraceEnd) out.getLast();
    assertThat(end.requestId()).isEqualTo("c1");
    assertThat(end.outcome()).isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(end.exit()).isZero();
    assertThat(end.stepCount()).isEqualTo(out.size() - 3);
    assertThat(out.subList(2, out.size() - 1))
        .allSatisfy(m -> assertThat(((TraceStep) m).requestId()).isEqualTo("c1"));

    LabSession fresh = new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE));
    List<ServerMessage> button = new ArrayList<>();
    fresh.ping(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), run, button::add);
    assertThat(steps(button).stream().map(step -> step.step()).toList())
        .as("the same steps as the Ping button's in a fresh lab")
        .isEqualTo(steps(out).stream().map(step -> step.step()).toList());
  }

  @Test
  void ncUnderIpNetnsExecToAListenerStreamsItsTraceTitledWithTheTypedLine() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(
        new Command("c1", new NamespaceRef("host1", ""), "ip netns exec ns2 nc -l 5000 &"),
        run,
        out::add);
    assertThat(out).hasSize(1).first().isInstanceOf(CommandResult.class);

    out.clear();
    lab.command(
        new Command(
            "c2", new NamespaceRef("host1", ""), "ip netns exec ns1 nc -z -v 10.0.0.2 5000"),
        run,
        out::add);
    assertThat(((CommandResult) out.getFirst()).exit()).isZero();
    assertThat(out.get(1))
        .isEqualTo(
            new TraceStart("c2", "ip netns exec ns1 nc -z -v 10.0.0.2 5000 in host1 (root)"));
    TraceEnd end = (TraceEnd) out.getLast();
    assertThat(end.outcome()).isEqualTo("Connection to 10.0.0.2 5000 port [tcp/*] succeeded!");
    assertThat(steps(out))
        .anySatisfy(step ->
            assertThat(step.step().headers())
                .anySatisfy(h ->
                    assertThat(h)
                        .isInstanceOf(io.packetwalk.stream.protocol.Protocol.TcpHeader.class)));
  }

  @Test
  void aPingDroppedByATypedIptablesRuleEndsOnThatRuleWithNfDrop() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(
        new Command(
            "c1",
            new NamespaceRef("host1", "ns2"),
            "iptables -A INPUT -s 10.0.0.1 -p icmp -j DROP"),
        run,
        out::add);
    assertThat(out).as("a rule sends no packet, so no trace").hasSize(1);

    out.clear();
    lab.command(
        new Command("c2", new NamespaceRef("host1", "ns1"), "ping -c 1 -W 1 10.0.0.2"),
        run,
        out::add);
    TraceEnd end = (TraceEnd) out.getLast();
    assertThat(end.exit()).isEqualTo(1);
    assertThat(end.outcome()).startsWith("1 packets transmitted, 0 received, 100% packet loss");
    TraceStep drop =
        steps(out).stream()
            .filter(step -> "NF_DROP".equals(step.step().disposition()))
            .findFirst()
            .orElseThrow();
    assertThat(drop.step().location().netfilter().ruleText())
        .isEqualTo("-A INPUT -s 10.0.0.1/32 -p icmp -j DROP");
  }

  @Test
  void aHereDocumentSentAsOneCommandIsApplied() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(
        new Command(
            "c1",
            new NamespaceRef("host1", ""),
            "ip netns exec ns2 iptables-restore <<'EOF'\n*filter\n-A INPUT -p icmp -j DROP\nCOMMIT\nEOF"),
        run,
        out::add);
    assertThat(((CommandResult) out.getFirst()).exit()).isZero();
    out.clear();
    lab.command(
        new Command("c2", new NamespaceRef("host1", "ns2"), "iptables -S INPUT"), run, out::add);
    assertThat(((CommandResult) out.getFirst()).stdout())
        .isEqualTo("-P INPUT ACCEPT\n-A INPUT -p icmp -j DROP\n");
  }

  @Test
  void aSecondCommandOnAnotherLineIsRefusedByTheShellAndNothingRuns() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(
        new Command("c1", new NamespaceRef("host1", ""), "ip netns add extra\nip netns add more"),
        run,
        out::add);
    CommandResult result = (CommandResult) out.getFirst();
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.stderr()).contains("one command at a time");
    assertThat(out).hasSize(1);
    assertThat(lab.world().defaultHost().netns("extra")).isEmpty();
  }

  @Test
  void aCommandSayingNothingEndsItsTraceWithItsExitStatus() {
    CommandOutcome quiet = new CommandOutcome(1, "nc -z 10.0.0.2 80", 1, "", "");
    assertThat(LabSession.traceOutcome(quiet, "The command"))
        .isEqualTo("The command exited with status 1.");
  }

  @Test
  void theStateReadAfterAPingHoldsWhatEachEntrysLastChangeInTheTraceSaid() {
    NamespaceRef ns1 = new NamespaceRef("host1", "ns1");
    NamespaceRef ns2 = new NamespaceRef("host1", "ns2");
    lab.command(
        new Command("c1", ns2, "iptables -A INPUT -p icmp -m conntrack --ctstate NEW -j ACCEPT"),
        run,
        m -> {});
    lab.command(
        new Command("c2", ns2, "iptables -t nat -A PREROUTING -p tcp -j RETURN"), run, m -> {});
    List<ServerMessage> out = new ArrayList<>();
    lab.ping(new Ping("p1", ns1, "10.0.0.2", 1), run, out::add);
    Map<String, String> lastChange = new LinkedHashMap<>();
    for (TraceStep step : steps(out)) {
      for (StateChangeView change : step.step().changes()) {
        String where = change.where().netns();
        lastChange.put(where + " " + change.kind() + " " + change.key(), change.after());
      }
    }
    assertThat(lastChange.keySet())
        .as("the trace changed neighbours, conntrack and counters")
        .anyMatch(key -> key.startsWith("ns2 neighbour"))
        .anyMatch(key -> key.startsWith("ns2 conntrack"))
        .contains("ns2 counter filter INPUT 1");

    Map<String, String> read = new LinkedHashMap<>();
    for (NamespaceRef ref : List.of(ns1, ns2)) {
      NamespaceState state = lab.inspect(new Inspect("i1", ref));
      assertThat(state.netns()).isEqualTo(ref);
      state.neighbours().forEach(e -> read.put(ref.netns() + " neighbour " + e.key(), e.text()));
      state.conntrack().forEach(e -> read.put(ref.netns() + " conntrack " + e.key(), e.text()));
      state.counters().forEach(e -> read.put(ref.netns() + " counter " + e.key(), e.text()));
      state.fdb().forEach(e -> read.put(ref.netns() + " fdb " + e.key(), e.text()));
    }
    lastChange.forEach((key, after) -> assertThat(read.get(key)).as(key).isEqualTo(after));
    assertThat(read).containsEntry("ns2 counter nat PREROUTING policy", "0 packets, 0 bytes");

    NamespaceState ns2State = lab.inspect(new Inspect("i2", ns2));
    assertThat(ns2State.routes())
        .containsExactly("10.0.0.0/24 dev veth2 proto kernel scope link src 10.0.0.2");
    assertThat(ns2State.iptablesSave())
        .contains("*filter\n")
        .contains("-A INPUT -p icmp -m conntrack --ctstate NEW -j ACCEPT\n")
        .contains("*nat\n");
  }

  @Test
  void inspectingANamespaceTheLabLacksNamesTheNamespacesItHas() {
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () -> lab.inspect(new Inspect("i1", new NamespaceRef("host1", "ns9"))));
    assertThat(refused.error().reason()).isEqualTo(ErrorReason.UNKNOWN_NAMESPACE);
    assertThat(refused.error().message()).contains("no namespace \"ns9\"").contains("ns1");
  }

  private static List<TraceStep> steps(List<ServerMessage> out) {
    return out.stream().filter(TraceStep.class::isInstance).map(TraceStep.class::cast).toList();
  }

  @Test
  void aPingFindingEverySlotTakenIsRefusedAsBusyNamingItsRequest() throws Exception {
    SimulationSlots none =
        new SimulationSlots(
            new SimulationSlots.LaneSize(1, 0),
            new SimulationSlots.LaneSize(1, 0),
            Duration.ofSeconds(5));
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .start(() -> none.run(() -> hold.await(5, java.util.concurrent.TimeUnit.SECONDS)));
    while (none.busy() == 0) {
      Thread.sleep(5);
    }
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                lab.ping(
                    new Ping("p9", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1),
                    new LabSession.Run(none, RunLimits.DEFAULTS, () -> false),
                    m -> {}));
    hold.countDown();
    holder.join();
    none.close();
    assertThat(refused.error().reason()).isEqualTo(ErrorReason.SERVER_BUSY);
    assertThat(refused.error().requestId()).isEqualTo("p9");
  }

  @Test
  void aCommandThatChangesNothingIsNotFollowedByATopology() {
    List<ServerMessage> out = new ArrayList<>();
    lab.command(new Command("c1", new NamespaceRef("host1", "ns2"), "ip route"), run, out::add);
    assertThat(out).hasSize(1);
    CommandResult result = (CommandResult) out.getFirst();
    assertThat(result.exit()).isZero();
    assertThat(result.stdout()).contains("10.0.0.0/24 dev veth2");
  }

  @Test
  void savedProbesGoIntoTheDocumentWhileTheirNamespaceExists() {
    lab.keepProbes(
        List.of(
            LabProbe.checked("host1", "ns1", "10.0.0.2", null),
            LabProbe.checked("host1", "ns2", null, "nc -z -v -w 1 10.0.0.1 80")));
    assertThat(lab.document().probes()).extracting(LabProbe::netns).containsExactly("ns1", "ns2");
    lab.command(new Command("c1", new NamespaceRef("host1", ""), "ip netns del ns2"), run, m -> {});
    assertThat(lab.document().probes()).extracting(LabProbe::netns).containsExactly("ns1");
    assertThat(lab.probes()).hasSize(2);
  }

  @Test
  void anUnknownNamespaceIsRefusedWithTheNamesThatExist() {
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                lab.command(
                    new Command("c1", new NamespaceRef("host2", "ns1"), "ip link"), run, m -> {}));
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
    assertThat(LabSession.traceOutcome(ok, "ping"))
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");

    CommandOutcome failed =
        new CommandOutcome(
            1, "ping -c 1 -W 1 10.9.9.9", 2, "", "ping: connect: Network is unreachable\n");
    assertThat(LabSession.traceOutcome(failed, "ping"))
        .isEqualTo("ping: connect: Network is unreachable");

    CommandOutcome silent = new CommandOutcome(1, "ping", 1, "", "");
    assertThat(LabSession.traceOutcome(silent, "ping")).isEqualTo("ping exited with status 1.");
  }
}
