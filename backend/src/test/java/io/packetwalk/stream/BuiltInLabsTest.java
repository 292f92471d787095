package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.lab.LabProbe;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.system.SimulationSlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every built-in lab builds and plays the probe its description promises. */
class BuiltInLabsTest {

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

  private List<ServerMessage> ping(String lab, String host, String netns, String to) {
    LabSession session = new LabSession(LabCatalog.load().find(lab).orElseThrow());
    List<ServerMessage> out = new ArrayList<>();
    session.ping(new Ping("p1", new NamespaceRef(host, netns), to, 1), run, out::add);
    return out;
  }

  private List<ServerMessage> command(String lab, String host, String netns, String line) {
    LabSession session = new LabSession(LabCatalog.load().find(lab).orElseThrow());
    List<ServerMessage> out = new ArrayList<>();
    session.command(new Command("c1", new NamespaceRef(host, netns), line), run, out::add);
    return out;
  }

  private static int exit(List<ServerMessage> messages) {
    return messages.stream()
        .filter(m -> m instanceof CommandResult)
        .map(m -> ((CommandResult) m).exit())
        .findFirst()
        .orElseThrow();
  }

  private static List<String> sentences(List<ServerMessage> messages) {
    return messages.stream()
        .filter(m -> m instanceof TraceStep)
        .map(m -> ((TraceStep) m).step().sentence())
        .toList();
  }

  private static List<String> kinds(List<ServerMessage> messages) {
    return messages.stream()
        .filter(m -> m instanceof TraceStep)
        .map(m -> ((TraceStep) m).step().kind())
        .toList();
  }

  @Test
  void everyBuiltInLabBuildsAndHasADescription() {
    LabCatalog catalog = LabCatalog.load();
    assertThat(catalog.labs()).extracting(BuiltInLab::id).isEqualTo(LabCatalog.IDS);
    for (BuiltInLab lab : catalog.labs()) {
      assertThat(lab.description()).as(lab.id()).isNotBlank();
      new LabSession(lab);
    }
  }

  @Test
  void everyBuiltInLabOpensWithProbesThatPlay() {
    for (BuiltInLab lab : LabCatalog.load().labs()) {
      assertThat(lab.probes()).as(lab.id()).isNotEmpty();
      for (LabProbe probe : lab.probes()) {
        LabSession session = new LabSession(lab);
        assertThat(session.probes()).isEqualTo(lab.probes());
        NamespaceRef from = new NamespaceRef(probe.host(), probe.netns());
        List<ServerMessage> out = new ArrayList<>();
        if (probe.ping() != null) {
          session.ping(new Ping("p1", from, probe.ping().toString(), 1), run, out::add);
        } else {
          session.command(new Command("c1", from, probe.run()), run, out::add);
        }
        assertThat(out).as("%s: %s", lab.id(), probe).last().isInstanceOf(TraceEnd.class);
        assertThat(sentences(out)).as("%s: %s", lab.id(), probe).isNotEmpty();
      }
    }
  }

  @Test
  void twoContainersOnABridgeAreSwitchedNotRouted() {
    List<ServerMessage> out = ping("bridge-two-containers", "host1", "c1", "172.17.0.3");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out)).contains("BRIDGE_FORWARD").doesNotContain("FORWARD");
  }

  @Test
  void theRouterNamespaceForwardsBetweenItsSubnets() {
    List<ServerMessage> out = ping("router-namespace", "host1", "c1", "10.0.2.2");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out)).contains("FORWARD");
  }

  @Test
  void aContainersPingToTheInternetIsMasqueraded() {
    List<ServerMessage> out = ping("masquerade", "host1", "c1", "198.51.100.1");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out)).contains("NAT_REWRITE");
    assertThat(sentences(out)).anyMatch(s -> s.contains("198.51.100.2"));
  }

  @Test
  void aPublishedPortIsDnatedToTheContainersListener() {
    List<ServerMessage> out =
        command("publish-port", "internet", "", "nc -z -w 1 198.51.100.2 8080");

    assertThat(exit(out)).isZero();
    assertThat(sentences(out)).anyMatch(s -> s.contains("DNAT to 172.17.0.2:80"));
  }

  @Test
  void brNetfilterDropsBridgedTrafficAtTheForwardPolicy() {
    List<ServerMessage> out = ping("br-netfilter", "host1", "c1", "172.17.0.3");

    assertThat(((TraceEnd) out.getLast()).exit()).isNotZero();
    assertThat(sentences(out)).anyMatch(s -> s.contains("policy DROP drops the packet"));
  }

  @Test
  void flannelVxlanWrapsAPodsPingToTheOtherHostAndUnwrapsTheReply() {
    List<ServerMessage> out = ping("flannel-vxlan", "host1", "pod1", "10.244.2.2");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out))
        .contains("VXLAN_FDB_LOOKUP", "ENCAPSULATE", "DECAPSULATE")
        .filteredOn("ENCAPSULATE"::equals)
        .hasSize(2);
  }

  @Test
  void macvlanContainersReachTheNetworkAndEachOtherButNotTheirParent() {
    assertThat(((TraceEnd) ping("macvlan", "host1", "c1", "192.168.60.20").getLast()).exit())
        .isZero();
    assertThat(((TraceEnd) ping("macvlan", "host1", "c1", "192.168.60.12").getLast()).exit())
        .isZero();
    assertThat(((TraceEnd) ping("macvlan", "host1", "c1", "192.168.60.10").getLast()).exit())
        .isNotZero();
  }

  @Test
  void flannelUdpTakesThePacketOutOfTheKernelToFlanneldAndBack() {
    List<ServerMessage> out = ping("flannel-udp", "host1", "pod1", "10.244.2.2");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out))
        .contains("USERSPACE_READ", "USERSPACE_WRITE")
        .doesNotContain("ENCAPSULATE");
  }

  @Test
  void flannelHostGwRoutesAcrossTheUnderlayWithoutWrapping() {
    List<ServerMessage> out = ping("flannel-host-gw", "host1", "pod1", "10.244.2.2");

    assertThat(((TraceEnd) out.getLast()).exit()).isZero();
    assertThat(kinds(out)).doesNotContain("ENCAPSULATE").contains("FORWARD");
  }
}
