package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.packetwalk.lab.LabPosition;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.system.SimulationSlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Canvas edits on the built-in lab: batches applied whole or not at all, their undo, positions. */
class LabSessionEditTest {

  private static final NamespaceRef ROOT = new NamespaceRef("host1", "");
  private static final NamespaceRef NS1 = new NamespaceRef("host1", "ns1");

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
  void aBatchWhoseLastLineFailsLeavesTheWorldAsItWas() {
    String before = worldText();
    List<ServerMessage> out =
        edit(
            "renamed veth1",
            new EditCommand(ROOT, "ip netns add ns3"),
            new EditCommand(NS1, "ip link set dev veth1 down"),
            new EditCommand(NS1, "ip link set dev veth1 name averyveryverylongname"));
    assertThat(out).hasSize(1);
    EditResult result = (EditResult) out.getFirst();
    assertThat(result.applied()).isFalse();
    assertThat(result.commands()).hasSize(3);
    assertThat(result.commands().getLast().exit()).isNotZero();
    assertThat(result.error()).contains("not a valid ifname");
    assertThat(result.undo()).isEmpty();
    assertThat(worldText()).isEqualTo(before);
    assertThat(pingFromNs1()).isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
  }

  @Test
  void aDuplicateNameIsRefusedWithTheKernelsError() {
    String before = worldText();
    lab.command(new Command("c1", NS1, "ip link add br0 type bridge"), run, m -> {});
    String withBridge = worldText();
    EditResult result =
        (EditResult)
            edit("renamed br0 to veth1", new EditCommand(NS1, "ip link set dev br0 name veth1"))
                .getFirst();
    assertThat(result.applied()).isFalse();
    assertThat(result.error()).isEqualTo("RTNETLINK answers: File exists");
    assertThat(worldText()).isEqualTo(withBridge).isNotEqualTo(before);
  }

  @Test
  void deletingANamespaceIsOneTopologyChangeAndItsUndoBringsItAllBack() {
    String before = worldText();
    List<ServerMessage> out = edit("deleted ns2", new EditCommand(ROOT, "ip netns del ns2"));
    EditResult result = (EditResult) out.getFirst();
    assertThat(result.applied()).isTrue();
    assertThat(out).hasSize(2);
    TopologyChange change = (TopologyChange) out.get(1);
    assertThat(change.namespacesRemoved()).containsExactly(new NamespaceRef("host1", "ns2"));
    assertThat(result.undo())
        .extracting(EditCommand::line)
        .contains("ip netns add ns2")
        .anyMatch(line -> line.contains("veth"));

    EditResult undone =
        (EditResult)
            edit("undo: deleted ns2", result.undo().toArray(EditCommand[]::new)).getFirst();
    assertThat(undone.applied()).as(undone.error()).isTrue();
    assertThat(worldText()).isEqualTo(before);
    assertThat(pingFromNs1()).isEqualTo("1 packets transmitted, 1 received, 0% packet loss");

    EditResult redone =
        (EditResult)
            edit("redo: deleted ns2", undone.undo().toArray(EditCommand[]::new)).getFirst();
    assertThat(redone.applied()).isTrue();
    assertThat(lab.world().defaultHost().netns("ns2")).isEmpty();
  }

  @Test
  void aRenameIsUndoneByRenamingBack() {
    String before = worldText();
    EditResult result =
        (EditResult)
            edit(
                    "renamed veth1 to eth0 in ns1",
                    new EditCommand(NS1, "ip link set dev veth1 down"),
                    new EditCommand(NS1, "ip link set dev veth1 name eth0"),
                    new EditCommand(NS1, "ip link set dev eth0 up"))
                .getFirst();
    assertThat(result.applied()).isTrue();
    assertThat(result.undo())
        .extracting(EditCommand::line)
        .containsSubsequence(
            "ip netns exec ns1 ip link set dev eth0 down",
            "ip netns exec ns1 ip link set dev eth0 name veth1",
            "ip netns exec ns1 ip link set dev veth1 up");
    EditResult undone =
        (EditResult) edit("undo", result.undo().toArray(EditCommand[]::new)).getFirst();
    assertThat(undone.applied()).as(undone.error()).isTrue();
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aNewVethPairIsUndoneByDeletingOneEnd() {
    String before = worldText();
    EditResult result =
        (EditResult)
            edit(
                    "connected ns1 to ns2",
                    new EditCommand(ROOT, "ip link add veth3 type veth peer name veth4"),
                    new EditCommand(ROOT, "ip link set veth3 netns ns1"),
                    new EditCommand(ROOT, "ip link set veth4 netns ns2"),
                    new EditCommand(ROOT, "ip netns exec ns1 ip link set veth3 up"),
                    new EditCommand(ROOT, "ip netns exec ns2 ip link set veth4 up"))
                .getFirst();
    assertThat(result.applied()).isTrue();
    assertThat(result.undo()).hasSize(1);
    edit("undo", result.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void deletingABridgeIsUndoneWithItsPortsAndAddressBack() {
    for (String line :
        List.of(
            "ip link set dev veth1 down",
            "ip link add br0 type bridge",
            "ip link set dev veth1 master br0",
            "ip addr add 10.0.0.1/24 dev br0",
            "ip link set br0 up",
            "ip link set dev veth1 up")) {
      lab.command(new Command("c", NS1, line), run, m -> {});
    }
    List<String> before = devicesAndRoutes();
    EditResult deleted =
        (EditResult) edit("deleted br0", new EditCommand(NS1, "ip link del dev br0")).getFirst();
    assertThat(deleted.applied()).isTrue();
    EditResult undone =
        (EditResult) edit("undo", deleted.undo().toArray(EditCommand[]::new)).getFirst();
    assertThat(undone.applied()).as(undone.error()).isTrue();
    // A device made again gets a new ifindex, as in the kernel; all else is as it was.
    assertThat(devicesAndRoutes()).isEqualTo(before);
  }

  /** Every device (without its ifindex) and route of the world, sorted. */
  private List<String> devicesAndRoutes() {
    return WorldSnapshot.document(lab.world(), "x").hosts().stream()
        .flatMap(host -> host.namespaces().stream())
        .flatMap(ns ->
            Stream.concat(
                ns.devices().stream()
                    .map(dev -> ns.name() + " " + dev.toString().replaceAll("ifindex=\\d+", "")),
                ns.routes().stream().map(route -> ns.name() + " " + route)))
        .sorted()
        .toList();
  }

  @Test
  void placedPositionsAreKeptAndReplacedByKey() {
    lab.place(new Place(List.of(new Position("host1", "ns1", 10, 20))));
    lab.place(
        new Place(
            List.of(new Position("host1", "ns2", 30, 40), new Position("host1", "ns1", 50, 60))));
    assertThat(lab.layout())
        .containsExactly(
            new LabPosition("host1", "ns1", 50, 60), new LabPosition("host1", "ns2", 30, 40));
  }

  @Test
  void aPositionWithANameNoNamespaceCanHaveIsRefused() {
    ProtocolException refused =
        catchThrowableOfType(
            ProtocolException.class,
            () -> lab.place(new Place(List.of(new Position("host1", "a/b", 1, 2)))));
    assertThat(refused.error().reason()).isEqualTo(ErrorReason.INVALID_FIELD);
    assertThat(lab.layout()).isEmpty();
  }

  private List<ServerMessage> edit(String label, EditCommand... commands) {
    List<ServerMessage> out = new ArrayList<>();
    lab.edit(new Edit("e1", label, List.of(commands)), run, out::add);
    return out;
  }

  private String worldText() {
    return WorldSnapshot.document(lab.world(), "x").hosts().toString();
  }

  private String pingFromNs1() {
    List<ServerMessage> out = new ArrayList<>();
    lab.ping(new Ping("p", NS1, "10.0.0.2", 1), run, out::add);
    return ((TraceEnd) out.getLast()).outcome();
  }
}
