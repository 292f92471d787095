package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The order and form of the commands a document is written as. */
class LabScriptTest {

  private static List<String> commands(LabDocument doc) {
    LabScript script = LabScript.of(doc);
    assertThat(script.problems()).isEmpty();
    return script.commands().stream().map(LabScript.Line::command).toList();
  }

  private static List<String> commands(World world) {
    return commands(WorldSnapshot.document(world, "lab"));
  }

  private static int indexOf(List<String> commands, String command) {
    int index = commands.indexOf(command);
    assertThat(index).as("line %s in %s", command, commands).isNotNegative();
    return index;
  }

  private static LabDevice veth(String name, int ifindex, String mac, String peerNs, String peer) {
    return new LabDevice(
        name,
        LabDeviceKind.VETH,
        ifindex,
        MacAddress.parse(mac),
        1500,
        false,
        null,
        new LabPeer(peerNs, peer),
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null);
  }

  private static LabDevice lo() {
    return new LabDevice(
        "lo",
        LabDeviceKind.LOOPBACK,
        1,
        MacAddress.ZERO,
        65536,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null);
  }

  private static LabNamespace ns(String name, LabDevice... devices) {
    return new LabNamespace(
        name, List.of(devices), List.of(), List.of(), List.of(), new TreeMap<>());
  }

  private static LabDocument doc(LabNamespace... namespaces) {
    return LabDocument.of("lab", List.of(new LabHost("host1", List.of(namespaces))), List.of());
  }

  @Test
  void namesTheLowerIndexAsThePeerOfAPairInOneNamespace() {
    LabDocument lab =
        doc(
            ns(
                "",
                lo(),
                veth("q1", 2, "02:00:00:00:00:02", "", "p1"),
                veth("p1", 3, "02:00:00:00:00:03", "", "q1")));
    assertThat(commands(lab)).contains("ip link add p1 type veth peer name q1");
  }

  @Test
  void quotesNamesThatBashWouldInterpret() {
    LabDocument lab =
        doc(
            ns(
                "",
                lo(),
                veth("q$1", 2, "02:00:00:00:00:02", "", "p'1"),
                veth("p'1", 3, "02:00:00:00:00:03", "", "q$1")));
    assertThat(commands(lab))
        .contains(
            "ip link add 'p'\\''1' type veth peer name 'q$1'",
            "ip link set dev 'q$1' address 02:00:00:00:00:02");
  }

  @Test
  void createsAPairAcrossNamespacesFromTheRootInOneCommand() {
    assertThat(commands(TestLabs.bridgeWithGateway()))
        .containsSubsequence(
            "ip link add br0 type bridge",
            "ip link add veth-c1 type veth peer name eth0 netns c1",
            "ip link add veth-c2 type veth peer name eth0 netns c2");
  }

  @Test
  void usesUpTheIndexesANamespaceSkippedWithThrowawayPairs() {
    List<String> commands = commands(TestLabs.vethPair());
    assertThat(commands)
        .containsSubsequence(
            "ip netns add pw-scratch",
            "ip link add pw-gap netns a type veth peer name pw-gap netns pw-scratch",
            "ip netns exec a ip link del pw-gap",
            "ip link add veth-a netns a type veth peer name veth-b netns b",
            "ip netns del pw-scratch");
  }

  @Test
  void reportsIfindexesThatNoCreationOrderGives() {
    LabDocument crossed =
        doc(
            ns("", lo()),
            ns(
                "a",
                lo(),
                veth("x", 2, "02:00:00:00:00:02", "b", "x-peer"),
                veth("y", 3, "02:00:00:00:00:03", "b", "y-peer")),
            ns(
                "b",
                lo(),
                veth("y-peer", 2, "02:00:00:00:01:02", "a", "y"),
                veth("x-peer", 3, "02:00:00:00:01:03", "a", "x")));
    assertThat(LabValidator.validate(crossed)).isEmpty();
    List<LabProblem> problems = LabScript.of(crossed).problems();
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).path()).isEqualTo("hosts[0].namespaces[1].devices[1].ifindex");
    assertThat(problems.get(0).message()).contains("cannot be reproduced");
  }

  @Test
  void setsABridgeMacOnlyWhenItIsNotTheLowestPortMac() {
    World world = TestLabs.bridgeWithGateway();
    assertThat(commands(world)).contains("ip link set dev br0 address 02:00:00:00:00:01");
    World following = TestLabs.fresh();
    NetNamespace r = TestLabs.root(following);
    r.addBridge("br1");
    TestLabs.veth(r, "p1", r, "q1");
    TestLabs.mac(r, "p1", "02:00:00:00:00:31");
    TestLabs.mac(r, "q1", "02:00:00:00:00:32");
    r.enslave(r.requireDevice("p1"), r.requireDevice("br1"));
    assertThat(commands(following)).noneMatch(c -> c.startsWith("ip link set dev br1 address"));
  }

  @Test
  void reportsABridgeMacOfZerosThatNoCommandCanSet() {
    LabDevice bridge =
        new LabDevice(
            "br0",
            LabDeviceKind.BRIDGE,
            2,
            MacAddress.ZERO,
            1500,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null);
    List<LabProblem> problems = LabScript.of(doc(ns("", lo(), bridge))).problems();
    assertThat(problems)
        .extracting(LabProblem::path)
        .containsExactly("hosts[0].namespaces[0].devices[1].mac");
  }

  @Test
  void writesIpForwardBeforeTheDevicesSoThatTheyInheritForwarding() {
    List<String> commands = commands(TestLabs.router());
    int forward = indexOf(commands, "ip netns exec router sysctl -w net.ipv4.ip_forward=1");
    int firstDevice =
        commands.indexOf(
            commands.stream().filter(c -> c.contains("ip link add")).findFirst().orElseThrow());
    assertThat(forward).isLessThan(firstDevice);
    assertThat(commands).noneMatch(c -> c.contains(".forwarding="));
  }

  @Test
  void resetsAPerDeviceSettingThatIpForwardWouldChange() {
    World world = TestLabs.router();
    NetNamespace router = world.defaultHost().netns("router").orElseThrow();
    router.sysctls().set("net.ipv4.conf.r-eth1.forwarding", "0");
    List<String> commands = commands(world);
    assertThat(commands)
        .containsSubsequence(
            "ip netns exec router sysctl -w net.ipv4.ip_forward=1",
            "ip link add r-eth1 netns router type veth peer name s-eth0 netns server",
            "ip netns exec router sysctl -w net.ipv4.conf.r-eth1.forwarding=0");
  }

  @Test
  void addsOnLinkRoutesBeforeRoutesThroughGatewaysAndAppendsRoutesThatShareAKey() {
    World world = TestLabs.vethPair();
    NetNamespace a = world.defaultHost().netns("a").orElseThrow();
    TestLabs.route(a, "10.9.0.0/24", null, "veth-a");
    TestLabs.route(a, "default", "10.9.0.1", "veth-a");
    a.fib()
        .append(
            new io.packetwalk.kernel.Route(
                254,
                RouteType.UNICAST,
                Ipv4Prefix.DEFAULT,
                Ipv4Address.parse("10.0.0.2"),
                a.requireDevice("veth-a"),
                RouteProtocol.BOOT,
                AddressScope.GLOBAL,
                null,
                0,
                false));
    assertThat(commands(world))
        .containsSubsequence(
            "ip netns exec a ip route add 10.9.0.0/24 dev veth-a",
            "ip netns exec a ip route add default via 10.9.0.1 dev veth-a",
            "ip netns exec a ip route append default via 10.0.0.2 dev veth-a");
  }

  @Test
  void replacesAKernelRouteSomeoneReplaced() {
    World world = TestLabs.vethPair();
    NetNamespace a = world.defaultHost().netns("a").orElseThrow();
    a.fib()
        .replace(
            new io.packetwalk.kernel.Route(
                254,
                RouteType.UNICAST,
                Ipv4Prefix.parse("10.0.0.0/24"),
                null,
                a.requireDevice("veth-a"),
                RouteProtocol.STATIC,
                AddressScope.LINK,
                null,
                0,
                false));
    assertThat(commands(world))
        .contains("ip netns exec a ip route replace 10.0.0.0/24 dev veth-a proto static");
  }

  @Test
  void numbersEachLineAsItStandsInTheText() {
    LabScript script = LabScript.of(WorldSnapshot.document(TestLabs.router(), "lab"));
    List<String> text = new ArrayList<>(script.text().lines().toList());
    for (LabScript.Line line : script.lines()) {
      assertThat(text.get(line.number() - 1)).isEqualTo(line.command());
    }
    assertThat(script.text()).startsWith("#!/usr/bin/env bash\n");
  }

  @Test
  void pointsEachCommandAtTheDocumentPathItComesFrom() {
    LabScript script = LabScript.of(WorldSnapshot.document(TestLabs.bridgeWithGateway(), "lab"));
    assertThat(script.commands())
        .filteredOn(l ->
            l.command().equals("ip netns exec c1 ip route add default via 172.16.100.1 dev eth0"))
        .extracting(LabScript.Line::path)
        .containsExactly("hosts[0].namespaces[1].routes[0]");
    assertThat(script.commands())
        .filteredOn(l -> l.command().equals("ip link set dev veth-c1 master br0"))
        .extracting(LabScript.Line::path)
        .containsExactly("hosts[0].namespaces[0].devices[2].master");
  }

  @Test
  void writesStaticNeighboursAndFdbEntriesWithTheirFlags() {
    LabDocument lab = WorldSnapshot.document(TestLabs.bridgeWithGateway(), "lab");
    LabHost host = lab.hosts().get(0);
    LabNamespace root = host.namespaces().get(0);
    LabNamespace c1 = host.namespaces().get(1);
    LabNamespace withFdb =
        new LabNamespace(
            root.name(),
            root.devices(),
            root.routes(),
            root.neighbours(),
            List.of(new LabFdbEntry(MacAddress.parse("02:00:00:00:01:02"), "veth-c1")),
            root.sysctls());
    LabNamespace withNeighbours =
        new LabNamespace(
            c1.name(),
            c1.devices(),
            c1.routes(),
            List.of(
                new LabNeighbour(
                    LabNeighbour.Kind.PERMANENT,
                    Ipv4Address.parse("172.16.100.1"),
                    "eth0",
                    MacAddress.parse("02:00:00:00:00:01"),
                    true),
                new LabNeighbour(
                    LabNeighbour.Kind.PROXY,
                    Ipv4Address.parse("172.16.100.50"),
                    "eth0",
                    null,
                    false)),
            c1.fdb(),
            c1.sysctls());
    LabDocument changed =
        lab.withWorld(
            List.of(
                new LabHost(
                    host.name(), List.of(withFdb, withNeighbours, host.namespaces().get(2)))),
            List.of());
    assertThat(commands(changed))
        .contains(
            "bridge fdb add 02:00:00:00:01:02 dev veth-c1 master static",
            "ip netns exec c1 ip neigh add 172.16.100.1 lladdr 02:00:00:00:00:01 dev eth0 nud permanent router",
            "ip netns exec c1 ip neigh add proxy 172.16.100.50 dev eth0");
  }
}
