package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.net.packet.VxlanPayload;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.store.LabDocumentCodec;
import io.packetwalk.stream.protocol.MessageDecoder;
import io.packetwalk.stream.protocol.MessageEncoder;
import io.packetwalk.stream.protocol.Protocol;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.EditOutcome;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.ExportLab;
import io.packetwalk.stream.protocol.Protocol.Follow;
import io.packetwalk.stream.protocol.Protocol.Hello;
import io.packetwalk.stream.protocol.Protocol.Inspect;
import io.packetwalk.stream.protocol.Protocol.LabDocumentReply;
import io.packetwalk.stream.protocol.Protocol.LiveEdit;
import io.packetwalk.stream.protocol.Protocol.LiveInfo;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceState;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.Present;
import io.packetwalk.stream.protocol.Protocol.PresenterStep;
import io.packetwalk.stream.protocol.Protocol.SavedProbe;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.SessionToken;
import io.packetwalk.stream.protocol.Protocol.SharedRef;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.Protocol.Welcome;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.system.SimulationSlots;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.NetfilterPlace;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example in src/test/resources/protocol: client examples decode to the expected records;
 * server examples are exactly what the encoder writes for the same content (field names, order of
 * fields and values), built from core records through the same mappers the server uses.
 */
class ProtocolExamplesTest {

  private static final String ID = "WjJvbGZzZWNyZXQx";
  private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";

  private static final Path EXAMPLES = Path.of("src/test/resources/protocol");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageDecoder decoder = new MessageDecoder();
  private final MessageEncoder encoder = new MessageEncoder();

  @Test
  void everyClientExampleDecodesToItsRecord() throws IOException {
    Map<String, ClientMessage> expected =
        Map.ofEntries(
            Map.entry("client-hello.json", new Hello(null)),
            Map.entry("client-hello-resume.json", new Hello(new SessionToken(ID, SECRET))),
            Map.entry(
                "client-ping.json",
                new Ping("r1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1)),
            Map.entry(
                "client-command.json",
                new Command("r2", new NamespaceRef("host1", "ns1"), "ip -br addr")),
            Map.entry(
                "client-hello-shared.json",
                new Hello(
                    null,
                    null,
                    new SharedRef("GrhuhWHplLt5XQlf", "nDycwtBFuyD2PHzklusN3XzfSRPWQ-6C", 3))),
            Map.entry(
                "client-export-lab.json",
                new ExportLab(
                    "r3",
                    List.of(new SavedProbe(new NamespaceRef("host1", "ns1"), "10.0.0.2", null)))),
            Map.entry(
                "client-edit.json",
                new Edit(
                    "r3",
                    "renamed veth1 to eth0 in ns1",
                    List.of(
                        new EditCommand(
                            new NamespaceRef("host1", "ns1"), "ip link set dev veth1 down"),
                        new EditCommand(
                            new NamespaceRef("host1", "ns1"), "ip link set dev veth1 name eth0"),
                        new EditCommand(
                            new NamespaceRef("host1", "ns1"), "ip link set dev eth0 up")))),
            Map.entry(
                "client-place.json", new Place(List.of(new Position("host1", "ns2", 420, 96.5)))),
            Map.entry("client-inspect.json", new Inspect("r4", new NamespaceRef("host1", "ns2"))),
            Map.entry("client-present.json", new Present("r7", 3)),
            Map.entry("client-follow.json", new Follow(true)));
    assertThat(examples("client-")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (var entry : expected.entrySet()) {
      assertThat(decoder.decode(read(entry.getKey())))
          .as(entry.getKey())
          .isEqualTo(entry.getValue());
    }
  }

  @Test
  void everyServerExampleIsWhatTheEncoderWrites() throws IOException {
    Map<String, ServerMessage> produced = new TreeMap<>();
    produced.put("server-welcome.json", welcomeFromAWorld());
    produced.put("server-welcome-live.json", liveWelcome());
    produced.put(
        "server-live-edit.json",
        new LiveEdit(
            42,
            "deleted ns2",
            List.of(
                new EditOutcome(new NamespaceRef("host1", ""), "ip netns del ns2", 0, "", ""))));
    produced.put("server-presenter-step.json", new PresenterStep("live:41", 3));
    produced.put("server-trace-start.json", new TraceStart("r1", "ping -c 1 10.0.0.2 from ns1"));
    produced.put(
        "server-trace-start-command.json",
        new TraceStart(
            "r3",
            LabSession.commandTitle(
                "ip netns exec ns1 nc -z -v 10.0.0.2 5000", twoNamespaces().defaultHost().root())));
    produced.put("server-trace-step.json", arpReplyStep());
    produced.put("server-trace-step-icmp.json", icmpDeliveredStep());
    produced.put("server-trace-step-netfilter.json", ruleMatchStep());
    produced.put("server-trace-step-nat.json", natRewriteStep());
    produced.put("server-trace-step-vxlan.json", vxlanOnTheUnderlayStep());
    produced.put("server-trace-step-vlan.json", taggedFrameStep());
    produced.put(
        "server-trace-end.json",
        new TraceEnd("r1", 14, 0, "1 packets transmitted, 1 received, 0% packet loss", 0, null));
    produced.put(
        "server-trace-end-stopped.json",
        new TraceEnd(
            "r7",
            10_000,
            12_004,
            "5000 packets transmitted, 5000 received, 0% packet loss",
            0,
            "stopped after 5,000 packets: the per-run packet limit"
                + " (packetwalk.limits.packets-per-run)"));
    produced.put(
        "server-error-server-busy.json",
        new Protocol.Error(
            "r8",
            ErrorReason.SERVER_BUSY,
            "The server is running its limit of 2 simulations with 256 more waiting; try again"
                + " in a few seconds (packetwalk.limits.concurrent-runs)."));
    produced.put("server-welcome-resumed-notice.json", welcomeWithANotice());
    NamespaceRef root = new NamespaceRef("host1", "");
    produced.put(
        "server-edit-result.json",
        new EditResult(
            "r4",
            "deleted ns2",
            true,
            List.of(new EditOutcome(root, "ip netns del ns2", 0, "", "")),
            List.of(
                new EditCommand(root, "ip netns add ns2"),
                new EditCommand(root, "ip netns exec ns2 ip link set dev lo up")),
            null));
    produced.put(
        "server-edit-result-refused.json",
        new EditResult(
            "r5",
            "renamed veth1 to veth2 in ns1",
            false,
            List.of(
                new EditOutcome(
                    new NamespaceRef("host1", "ns1"), "ip link set dev veth1 down", 0, "", ""),
                new EditOutcome(
                    new NamespaceRef("host1", "ns1"),
                    "ip link set dev veth1 name veth2",
                    2,
                    "",
                    "RTNETLINK answers: File exists\n")),
            List.of(),
            "RTNETLINK answers: File exists"));
    produced.put("server-namespace-state.json", ns2AfterAPingThroughAConntrackRule());
    produced.put("server-topology-change.json", vethMovedToANewNamespace());
    produced.put("server-topology-change-underlay.json", aSecondHostOnASwitch());
    produced.put(
        "server-command-result.json",
        new CommandResult(
            "r2",
            0,
            "lo               DOWN           \nveth1@if2        UP             10.0.0.1/24 \n",
            "",
            null));
    produced.put(
        "server-error-unknown-type.json", refusal("{\"v\": 2, \"type\": \"teleport\"}").error());
    produced.put("server-error-version.json", refusal("{\"v\": 7, \"type\": \"hello\"}").error());
    produced.put(
        "server-error-read-only.json",
        new Protocol.Error(
            "r4",
            ErrorReason.READ_ONLY,
            "This lab was opened by a view link, so it is read-only: commands cannot change it."
                + " Fork it to get your own copy to change."));
    produced.put(
        "server-lab-document.json",
        new LabDocumentReply(
            "r3",
            new LabDocumentCodec().write(WorldSnapshot.document(World.withOneHost(), "One host"))));

    assertThat(examples("server-")).containsExactlyInAnyOrderElementsOf(produced.keySet());
    for (var entry : produced.entrySet()) {
      JsonNode expected = JSON.readTree(read(entry.getKey()));
      JsonNode actual = JSON.readTree(encoder.encode(entry.getValue()));
      if (System.getProperty("protocol.examples.print") != null) {
        System.out.println(entry.getKey() + " " + actual);
      }
      assertThat(fieldPaths(actual)).as(entry.getKey()).isEqualTo(fieldPaths(expected));
      assertThat(actual).as(entry.getKey()).isEqualTo(expected);
    }
  }

  /** The world of the welcome example, built with kernel operations and mapped by the server. */
  private static Welcome welcomeFromAWorld() {
    World world = twoNamespaces();
    return new Welcome(
        Protocol.VERSION,
        "Two namespaces and a veth pair",
        TopologyMapper.snapshot(world),
        new SessionToken(ID, SECRET),
        false,
        null,
        List.of(new Position("host1", "ns1", 180.5, 120)),
        List.of(
            new SavedProbe(new NamespaceRef("host1", "ns1"), "10.0.0.2", null),
            new SavedProbe(new NamespaceRef("host1", "ns2"), null, "nc -z -v -w 1 10.0.0.1 80")));
  }

  /** The welcome example's lab opened live by a view link. */
  private static Welcome liveWelcome() {
    Welcome own = welcomeFromAWorld();
    return new Welcome(
        own.protocolVersion(),
        own.labName(),
        own.topology(),
        own.session(),
        own.resumed(),
        own.notice(),
        own.layout(),
        own.probes(),
        new LiveInfo("GrhuhWHplLt5XQlf", false));
  }

  /** ns2 of the built-in lab after ns1 pinged it through a conntrack rule of ns2's INPUT. */
  private static NamespaceState ns2AfterAPingThroughAConntrackRule() {
    LabSession lab = new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE));
    NamespaceRef ns2 = new NamespaceRef("host1", "ns2");
    try (SimulationSlots slots =
        new SimulationSlots(
            new SimulationSlots.LaneSize(1, 1),
            new SimulationSlots.LaneSize(1, 1),
            Duration.ofSeconds(5))) {
      LabSession.Run run = new LabSession.Run(slots, RunLimits.DEFAULTS, () -> false);
      lab.command(
          new Command("c1", ns2, "iptables -A INPUT -p icmp -m conntrack --ctstate NEW -j ACCEPT"),
          run,
          message -> {});
      lab.ping(new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), run, m -> {});
    }
    return lab.inspect(new Inspect("r4", ns2));
  }

  /** A resume that came too late: a fresh lab (here a bare host) and the notice why. */
  private static Welcome welcomeWithANotice() {
    return new Welcome(
        Protocol.VERSION,
        "Two namespaces and a veth pair",
        TopologyMapper.snapshot(World.withOneHost()),
        new SessionToken("bmV3LXNlc3Npb24x", "bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldy1zZWNy"),
        false,
        "The lab this tab had is no longer kept (a lab waits 10 minutes after its tab"
            + " disconnects, and not across server restarts); this is a fresh copy of the"
            + " built-in lab.",
        List.of(),
        List.of());
  }

  /** The change after veth2 moves from ns2 into a new namespace ns3. */
  private static TopologyChange vethMovedToANewNamespace() {
    World world = twoNamespaces();
    Host host = world.defaultHost();
    NetNamespace ns2 = host.netns("ns2").orElseThrow();
    TopologyView before = TopologyMapper.snapshot(world);
    NetNamespace ns3 = host.addNetns("ns3");
    ns2.moveDevice(ns2.requireDevice("veth2"), ns3);
    return TopologyChanges.between(before, TopologyMapper.snapshot(world));
  }

  /** A second host whose NIC, like host1's, is plugged into a new underlay switch. */
  private static TopologyChange aSecondHostOnASwitch() {
    World world = twoNamespaces();
    TopologyView before = TopologyMapper.snapshot(world);
    UnderlaySwitch sw = world.addSwitch("sw0");
    sw.plug(world.defaultHost().root().addPhysical("eth0", MacAddress.parse("02:00:00:00:01:01")));
    sw.plug(
        world.addHost("node2").root().addPhysical("eth0", MacAddress.parse("02:00:00:00:02:01")));
    return TopologyChanges.between(before, TopologyMapper.snapshot(world));
  }

  /** The built-in lab's world: ns1 and ns2 joined by veth1 ↔ veth2 on 10.0.0.0/24. */
  private static World twoNamespaces() {
    World world = World.withOneHost();
    Host host = world.defaultHost();
    NetNamespace ns1 = host.addNetns("ns1");
    NetNamespace ns2 = host.addNetns("ns2");
    ns1.addVeth("veth1", "veth2", ns2);
    configure(ns1, "veth1", "02:00:00:00:00:01", "10.0.0.1/24");
    configure(ns2, "veth2", "02:00:00:00:00:02", "10.0.0.2/24");
    return world;
  }

  private static void configure(NetNamespace ns, String name, String mac, String address) {
    NetDevice dev = ns.requireDevice(name);
    ns.setMac(dev, MacAddress.parse(mac));
    Ipv4Prefix prefix = Ipv4Prefix.parse(address);
    ns.addAddress(
        dev, new InterfaceAddress(prefix, prefix.broadcast(), AddressScope.GLOBAL, name, false, 0));
    ns.setUp(dev, true);
  }

  private static TraceStep arpReplyStep() {
    MacAddress mac1 = MacAddress.parse("02:00:00:00:00:01");
    MacAddress mac2 = MacAddress.parse("02:00:00:00:00:02");
    Step step =
        new Step(
            4,
            3,
            2000,
            new Location("host1", "ns2", "veth2"),
            StepKind.ARP_REPLY_SENT,
            "ns2 owns 10.0.0.2, so it answers the ARP request with its MAC 02:00:00:00:00:02.",
            new EthernetFrame(
                mac2,
                mac1,
                new ArpPacket(
                    ArpPacket.Op.REPLY,
                    mac2,
                    Ipv4Address.parse("10.0.0.2"),
                    mac1,
                    Ipv4Address.parse("10.0.0.1"))),
            null,
            List.of());
    return new TraceStep("r1", StepMapper.view(step));
  }

  /** A VXLAN packet leaving a host: outer headers, the VXLAN header, then the pod's frame. */
  private static TraceStep vxlanOnTheUnderlayStep() {
    EthernetFrame inner =
        new EthernetFrame(
            MacAddress.parse("6e:2b:1c:00:00:01"),
            MacAddress.parse("6e:2b:1c:00:00:02"),
            new Ipv4Packet(
                Ipv4Address.parse("10.244.0.2"),
                Ipv4Address.parse("10.244.1.2"),
                63,
                1,
                true,
                IcmpMessage.echoRequest(1000, 1, 56)));
    Ipv4Packet outer =
        new Ipv4Packet(
            Ipv4Address.parse("192.0.2.1"),
            Ipv4Address.parse("192.0.2.2"),
            64,
            2,
            false,
            new UdpDatagram(40112, VxlanPayload.LINUX_PORT, new VxlanPayload(1, inner)));
    Step step =
        new Step(
            21,
            20,
            9000,
            new Location("node1", "", "eth0"),
            StepKind.DEVICE_TX,
            "eth0 in node1 (root) transmits the VXLAN packet to 192.0.2.2: the pod's frame"
                + " rides inside 50 bytes of outer headers.",
            new EthernetFrame(
                MacAddress.parse("02:00:00:00:01:01"),
                MacAddress.parse("02:00:00:00:02:01"),
                outer),
            null,
            List.of());
    return new TraceStep("r4", StepMapper.view(step));
  }

  /** An 802.1Q-tagged frame on a VLAN device's parent. */
  private static TraceStep taggedFrameStep() {
    Step step =
        new Step(
            6,
            5,
            3000,
            new Location("host1", "", "eth0"),
            StepKind.DEVICE_TX,
            "eth0 in host1 (root) transmits the frame with an 802.1Q tag for VLAN 10.",
            new EthernetFrame(
                MacAddress.parse("02:00:00:00:00:01"),
                MacAddress.parse("02:00:00:00:00:02"),
                VlanTag.of(10),
                new Ipv4Packet(
                    Ipv4Address.parse("10.0.10.1"),
                    Ipv4Address.parse("10.0.10.2"),
                    64,
                    1,
                    true,
                    IcmpMessage.echoRequest(1000, 1, 56))),
            null,
            List.of());
    return new TraceStep("r5", StepMapper.view(step));
  }

  private static TraceStep icmpDeliveredStep() {
    Step step =
        new Step(
            9,
            8,
            5000,
            Location.of("host1", "ns2"),
            StepKind.LOCAL_DELIVER,
            "10.0.0.2 is a local address of ns2, so the echo request is delivered to ns2's ICMP"
                + " handler.",
            new EthernetFrame(
                MacAddress.parse("02:00:00:00:00:01"),
                MacAddress.parse("02:00:00:00:00:02"),
                new Ipv4Packet(
                    Ipv4Address.parse("10.0.0.1"),
                    Ipv4Address.parse("10.0.0.2"),
                    64,
                    1,
                    true,
                    IcmpMessage.echoRequest(1, 1, 56))),
            Disposition.DELIVERED,
            List.of());
    return new TraceStep("r1", StepMapper.view(step));
  }

  private static TraceStep ruleMatchStep() {
    NetfilterPlace place =
        NetfilterPlace.chain("INPUT", "filter", "INPUT")
            .rule(2, "-A INPUT -s 10.0.0.1/32 -p icmp -m icmp --icmp-type 8 -j ACCEPT");
    Step step =
        new Step(
            7,
            6,
            4000,
            Location.of("host1", "ns2").in(place),
            StepKind.NF_RULE_MATCH,
            "Rule 2 of the filter table's INPUT chain matches the echo request from 10.0.0.1; its"
                + " target ACCEPT ends the chain.",
            new EthernetFrame(
                MacAddress.parse("02:00:00:00:00:01"),
                MacAddress.parse("02:00:00:00:00:02"),
                new Ipv4Packet(
                    Ipv4Address.parse("10.0.0.1"),
                    Ipv4Address.parse("10.0.0.2"),
                    64,
                    1,
                    true,
                    IcmpMessage.echoRequest(1, 1, 56))),
            null,
            List.of(
                new StateChange.Counter(
                    Location.of("host1", "ns2"),
                    "filter INPUT 2",
                    "0 packets, 0 bytes",
                    "1 packets, 84 bytes")));
    return new TraceStep("r1", StepMapper.view(step));
  }

  private static TraceStep natRewriteStep() {
    NetfilterPlace place =
        NetfilterPlace.chain("POSTROUTING", "nat", "POSTROUTING")
            .rule(1, "-A POSTROUTING -s 10.0.1.0/24 -o eth0 -j MASQUERADE");
    String original = "icmp 1 30 src=10.0.1.2 dst=192.0.2.9 type=8 code=0 id=1000 [UNREPLIED] ";
    Step step =
        new Step(
            12,
            11,
            9000,
            new Location("host1", "", "eth0", place),
            StepKind.NAT_REWRITE,
            "MASQUERADE rewrites the source 10.0.1.2 to eth0's address 198.51.100.1, so the reply"
                + " comes back to host1.",
            new Ipv4Packet(
                Ipv4Address.parse("198.51.100.1"),
                Ipv4Address.parse("192.0.2.9"),
                63,
                7,
                true,
                IcmpMessage.echoRequest(1000, 1, 56)),
            null,
            List.of(
                new StateChange.Conntrack(
                    Location.of("host1", ""),
                    "icmp src=10.0.1.2 dst=192.0.2.9 type=8 code=0 id=1000",
                    original + "src=192.0.2.9 dst=10.0.1.2 type=0 code=0 id=1000 mark=0 use=1",
                    original
                        + "src=192.0.2.9 dst=198.51.100.1 type=0 code=0 id=1000 mark=0 use=1")));
    return new TraceStep("r3", StepMapper.view(step));
  }

  private ProtocolException refusal(String message) {
    return catchThrowableOfType(ProtocolException.class, () -> decoder.decode(message));
  }

  private static List<String> examples(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(prefix) && name.endsWith(".json"))
          .toList();
    }
  }

  private static String read(String name) throws IOException {
    return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
  }

  /** Every field's path in document order, e.g. {@code step.headers[0].layer}. */
  private static List<String> fieldPaths(JsonNode node) {
    List<String> paths = new ArrayList<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, List<String> paths) {
    if (node.isObject()) {
      Iterator<String> names = node.propertyNames().iterator();
      while (names.hasNext()) {
        String name = names.next();
        String child = path.isEmpty() ? name : path + "." + name;
        paths.add(child);
        collect(node.get(name), child, paths);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", paths);
      }
    }
  }
}
