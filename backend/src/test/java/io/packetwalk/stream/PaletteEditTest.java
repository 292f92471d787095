package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Sysctls;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.system.SimulationSlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batches the canvas palette sends (a router namespace, an "internet" host, an underlay switch,
 * a VXLAN VTEP, a new host, pasted copies) run on the built-in lab, and each one's undo gives back
 * the world as it was.
 */
class PaletteEditTest {

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
  void aRouterNamespaceForwardsAndItsUndoDeletesIt() {
    String before = worldText();
    EditResult result =
        applied(
            "added router router1",
            root("ip netns add router1"),
            root("ip netns exec router1 ip link set lo up"),
            root("ip netns exec router1 sysctl -w net.ipv4.ip_forward=1"));
    assertThat(
            lab.world()
                .defaultHost()
                .netns("router1")
                .orElseThrow()
                .sysctls()
                .get(Sysctls.IP_FORWARD))
        .hasValue("1");
    assertThat(result.undo()).extracting(EditCommand::line).containsExactly("ip netns del router1");
    applied("undo", result.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void anInternetHostAnswersAPingFromTheNamespaceItHangsOff() {
    String before = worldText();
    EditResult result =
        applied(
            "added internet host internet1 to ns1",
            root("ip netns add internet1"),
            root("ip netns exec internet1 ip link set lo up"),
            root("ip link add veth3 type veth peer name veth4"),
            root("ip link set veth3 netns ns1"),
            root("ip link set veth4 netns internet1"),
            root("ip netns exec ns1 ip addr add 203.0.113.1/24 dev veth3"),
            root("ip netns exec internet1 ip addr add 203.0.113.10/24 dev veth4"),
            root("ip netns exec ns1 ip link set veth3 up"),
            root("ip netns exec internet1 ip link set veth4 up"));
    assertThat(ping(NS1, "203.0.113.10"))
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    applied("undo", result.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aVtepOnAnUnderlayDeviceAndAnUnderlaySwitchAreUndoneByDeletingThem() {
    lab.command(new Command("c", ROOT, "pw host add host2"), run, m -> {});
    lab.command(new Command("c", ROOT, "pw nic add host2 eth0"), run, m -> {});
    NamespaceRef host2 = new NamespaceRef("host2", "");
    String before = worldText();
    EditResult vtep =
        applied(
            "added VTEP vxlan1 to host2",
            new EditCommand(host2, "ip link add vxlan1 type vxlan id 101 dstport 4789 dev eth0"),
            new EditCommand(host2, "ip link set vxlan1 up"));
    EditResult underlay = applied("added underlay switch sw1", root("pw switch add sw1"));
    assertThat(underlay.undo()).extracting(EditCommand::line).containsExactly("pw switch del sw1");
    NamespaceRef host3 = new NamespaceRef("host3", "");
    EditResult plugged =
        applied(
            "added host host3 on switch sw1",
            root("pw host add host3"),
            new EditCommand(host3, "pw nic add host3 eth0 switch sw1"),
            new EditCommand(host3, "ip link set eth0 up"));
    assertThat(lab.world().host("host3").orElseThrow().root().device("eth0")).isPresent();
    applied("undo", plugged.undo().toArray(EditCommand[]::new));
    applied("undo", underlay.undo().toArray(EditCommand[]::new));
    applied("undo", vtep.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aVxlanWithAnIdAlreadyTakenIsRefusedWithTheKernelsError() {
    applied("vtep", new EditCommand(NS1, "ip link add vxlan1 type vxlan id 101 dstport 4789"));
    String before = worldText();
    EditResult result =
        edit("vtep", new EditCommand(NS1, "ip link add vxlan2 type vxlan id 101 dstport 4789"));
    assertThat(result.applied()).isFalse();
    assertThat(result.error())
        .isEqualTo("Error: A VXLAN device with the specified VNI already exists.");
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aNewHostIsUndoneWithPwHostDelAndRedoneWithPwHostAdd() {
    String before = worldText();
    EditResult added = applied("added host host2", root("pw host add host2"));
    assertThat(lab.world().host("host2")).isPresent();
    assertThat(added.undo())
        .extracting(c -> c.netns().host() + ": " + c.line())
        .containsExactly("host1: pw host del host2");
    EditResult undone = applied("undo", added.undo().toArray(EditCommand[]::new));
    assertThat(lab.world().host("host2")).isEmpty();
    assertThat(worldText()).isEqualTo(before);
    assertThat(undone.undo())
        .extracting(c -> c.netns().host() + ": " + c.line())
        .startsWith("host1: pw host add host2");
    applied("redo", undone.undo().toArray(EditCommand[]::new));
    assertThat(lab.world().host("host2")).isPresent();
  }

  @Test
  void aNewHostWithANamespaceIsUndoneByDeletingTheNamespaceFirst() {
    String before = worldText();
    EditResult added =
        applied("added host2", root("pw host add host2"), root("pw on host2 ip netns add ns1"));
    assertThat(added.undo())
        .extracting(c -> c.netns().host() + ": " + c.line())
        .containsExactly("host2: ip netns del ns1", "host1: pw host del host2");
    applied("undo", added.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void pastedCopiesOfNs1AndNs2AreJoinedToEachOtherAndTheirUndoDeletesThem() {
    String before = worldText();
    EditResult pasted =
        applied(
            "pasted ns3, ns4 (copies of ns1, ns2)",
            root("ip netns add ns3"),
            root("ip netns exec ns3 ip link set lo up"),
            root("ip netns add ns4"),
            root("ip netns exec ns4 ip link set lo up"),
            root("ip link add veth3 type veth peer name veth4"),
            root("ip link set veth3 netns ns3"),
            root("ip link set veth4 netns ns4"),
            root("ip netns exec ns3 ip addr add 10.0.0.3/24 dev veth3"),
            root("ip netns exec ns4 ip addr add 10.0.0.4/24 dev veth4"),
            root("ip netns exec ns3 ip link set veth3 up"),
            root("ip netns exec ns4 ip link set veth4 up"));
    assertThat(ping(new NamespaceRef("host1", "ns3"), "10.0.0.4"))
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(pasted.undo())
        .extracting(EditCommand::line)
        .containsExactly("ip netns del ns3", "ip netns del ns4");
    applied("undo", pasted.undo().toArray(EditCommand[]::new));
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aNameOverFifteenBytesIsRefusedWithTheKernelsWordsAndChangesNothing() {
    String before = worldText();
    EditResult result =
        edit(
            "added ns",
            root("ip netns add ns3"),
            root("ip link add averyverylongname1 type bridge"));
    assertThat(result.applied()).isFalse();
    assertThat(result.error()).isEqualTo("Error: Attribute failed policy validation.");
    assertThat(worldText()).isEqualTo(before);
  }

  @Test
  void aBridgeInABridgeIsRefusedWithTheKernelsError() {
    applied(
        "bridges",
        new EditCommand(NS1, "ip link add br0 type bridge"),
        new EditCommand(NS1, "ip link add br1 type bridge"));
    String before = worldText();
    EditResult result =
        edit("connected br1 to br0", new EditCommand(NS1, "ip link set br1 master br0"));
    assertThat(result.applied()).isFalse();
    assertThat(result.error()).isEqualTo("Error: Can not enslave a bridge to a bridge.");
    assertThat(worldText()).isEqualTo(before);
  }

  private static EditCommand root(String line) {
    return new EditCommand(ROOT, line);
  }

  private EditResult applied(String label, EditCommand... commands) {
    EditResult result = edit(label, commands);
    assertThat(result.applied()).as(result.error()).isTrue();
    return result;
  }

  private EditResult edit(String label, EditCommand... commands) {
    List<ServerMessage> out = new ArrayList<>();
    lab.edit(new Edit("e1", label, List.of(commands)), run, out::add);
    return (EditResult) out.getFirst();
  }

  private String worldText() {
    return WorldSnapshot.document(lab.world(), "x").hosts().toString();
  }

  private String ping(NamespaceRef from, String to) {
    List<ServerMessage> out = new ArrayList<>();
    lab.ping(new Ping("p", from, to, 1), run, out::add);
    return ((TraceEnd) out.getLast()).outcome();
  }
}
