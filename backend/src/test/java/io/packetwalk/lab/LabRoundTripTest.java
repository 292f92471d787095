package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import io.packetwalk.store.LabDocumentCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * World → document → script → world → document gives the same document, ifindexes and MACs
 * included, for labs made by typing commands.
 */
class LabRoundTripTest {

  private static LabDocument roundTrip(String script) {
    World typed = LabScripts.run(script);
    LabDocument document = WorldSnapshot.document(typed, "lab");
    LabBuilder.Result built = LabBuilder.build(document);
    assertThat(built.problems()).isEmpty();
    LabDocument again = WorldSnapshot.refresh(document, built.world());
    assertThat(again).isEqualTo(document);
    return document;
  }

  @Test
  void keepsAVethPairBetweenTwoNamespaces() {
    LabDocument lab = roundTrip(LabScripts.VETH_PAIR);
    LabNamespace a = lab.hosts().get(0).namespaces().get(1);
    assertThat(a.devices()).extracting(LabDevice::ifindex).containsExactly(1, 3);
  }

  @Test
  void keepsMacvlansWithTheirLowerDeviceAndModeAcrossNamespaces() {
    LabDocument lab = roundTrip(LabScripts.MACVLANS);
    LabDevice mv1 = lab.hosts().get(0).namespaces().get(3).devices().get(1);
    assertThat(mv1.kind()).isEqualTo(LabDeviceKind.MACVLAN);
    assertThat(mv1.stacked())
        .isEqualTo(new LabStacked(new LabPeer("host", "eth0"), "bridge", null, null));
    assertThat(LabScript.of(lab).text())
        .contains("ip netns exec host ip link add mv1 link eth0 netns a type macvlan mode bridge")
        .contains("ip netns exec host ip link add mv3 link eth0 type macvlan mode private");
  }

  @Test
  void keepsVlanDevicesWithTheirIdsAndLowerDevices() {
    LabDocument lab =
        roundTrip(
            """
            ip netns add c
            ip link add eth0 type veth peer name eth0 netns c
            ip link set dev eth0 address 02:00:00:00:90:01
            ip link add link eth0 name eth0.10 type vlan id 10
            ip link add link eth0 name eth0.20 netns c type vlan id 20
            ip link set dev eth0.10 address 02:00:00:00:90:10
            ip addr add 10.90.10.1/24 dev eth0.10
            ip link set eth0 up
            ip link set eth0.10 up
            """);
    LabDevice vlan10 = lab.hosts().get(0).namespaces().get(0).devices().get(2);
    assertThat(vlan10.kind()).isEqualTo(LabDeviceKind.VLAN);
    assertThat(vlan10.stacked()).isEqualTo(new LabStacked(new LabPeer("", "eth0"), null, 10, null));
    assertThat(LabScript.of(lab).text())
        .contains("ip link add eth0.10 link eth0 type vlan id 10")
        .contains("ip link add eth0.20 link eth0 netns c type vlan id 20");
  }

  @Test
  void keepsBridgeVlanFilteringWithPortAndBridgeVlansAndVlanFdbEntries() {
    LabDocument lab =
        roundTrip(
            """
            pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=y
            ip netns add a
            ip link add br0 type bridge vlan_default_pvid 5
            ip link set br0 address 02:00:00:00:95:01
            ip link add p1 type veth peer name eth0 netns a
            ip link add p2 type veth peer name p2b
            ip link set dev p1 address 02:00:00:00:95:11
            ip link set dev p2 address 02:00:00:00:95:12
            ip link set p1 master br0
            ip link set p2 master br0
            bridge vlan add dev p1 vid 10 pvid untagged
            bridge vlan del dev p1 vid 5
            bridge vlan add dev p2 vid 10
            bridge vlan add dev p2 vid 20-22
            bridge vlan add dev br0 vid 10 self
            bridge fdb add 02:00:00:00:95:99 dev p2 master static vlan 20
            bridge fdb add 02:00:00:00:95:98 dev p1 master static
            bridge fdb del 02:00:00:00:95:98 dev p1 master vlan 10
            ip link set br0 type bridge vlan_filtering 1
            """);
    LabHost host = lab.hosts().get(0);
    assertThat(host.bridgeVlanFiltering()).isTrue();
    LabNamespace root = host.namespaces().get(0);
    LabDevice br0 = root.devices().stream().filter(d -> d.name().equals("br0")).findFirst().get();
    assertThat(br0.bridge().vlanFiltering()).isTrue();
    assertThat(br0.bridge().defaultPvid()).isEqualTo(5);
    assertThat(br0.bridge().vlans())
        .containsExactly(new LabVlan(5, true, true), new LabVlan(10, false, false));
    LabDevice p1 = root.devices().stream().filter(d -> d.name().equals("p1")).findFirst().get();
    assertThat(p1.port().vlans()).containsExactly(new LabVlan(10, true, true));
    assertThat(root.fdb())
        .extracting(e -> e.mac() + " " + e.device() + " " + e.vlan())
        .containsExactlyInAnyOrder("02:00:00:00:95:99 p2 20", "02:00:00:00:95:98 p1 0");
    assertThat(LabScript.of(lab).text())
        .contains("ip link add br0 type bridge vlan_default_pvid 5")
        .contains("bridge vlan add dev p1 vid 10 pvid untagged\nbridge vlan del dev p1 vid 5\n")
        .contains("bridge vlan add dev br0 vid 10 self")
        .contains("ip link set dev br0 type bridge vlan_filtering 1")
        .contains("bridge fdb add 02:00:00:00:95:99 dev p2 master static vlan 20")
        .contains(
            "bridge fdb add 02:00:00:00:95:98 dev p1 master static\n"
                + "bridge fdb del 02:00:00:00:95:98 dev p1 master vlan 10\n")
        .contains("CONFIG_BRIDGE_VLAN_FILTERING");
    LabDocumentCodec codec = new LabDocumentCodec();
    byte[] json = codec.write(lab).getBytes(StandardCharsets.UTF_8);
    assertThat(codec.read(json).document()).isEqualTo(lab);
  }

  @Test
  void refusesVlanSettingsOnAHostWhoseKernelHasNoVlanFiltering() {
    LabDocument lab =
        WorldSnapshot.document(
            LabScripts.run(
                """
                pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=y
                ip link add br0 type bridge
                ip link set br0 address 02:00:00:00:95:01
                """),
            "lab");
    LabHost host = lab.hosts().get(0);
    LabDocument without =
        lab.withWorld(List.of(new LabHost(host.name(), host.namespaces(), false)), lab.underlay());
    assertThat(LabBuilder.check(without))
        .extracting(LabProblem::path)
        .containsExactly("hosts[0].namespaces[0].devices[1].bridge");
  }

  @Test
  void keepsIpvlansWithTheirLowerDevicesModeAndFlag() {
    LabDocument lab =
        roundTrip(
            """
            ip netns add a
            ip link add eth0 type veth peer name eth0 netns a
            ip link set dev eth0 address 02:00:00:00:92:01
            ip link add ipv1 link eth0 type ipvlan mode l2 private
            ip link add ipv2 link eth0 netns a type ipvlan mode l2 private
            ip -n a addr add 10.92.0.12/24 dev ipv2
            ip link set eth0 up
            """);
    LabDevice ipv2 = lab.hosts().get(0).namespaces().get(1).devices().get(2);
    assertThat(ipv2.stacked())
        .isEqualTo(new LabStacked(new LabPeer("", "eth0"), "l2", null, "private"));
    assertThat(LabScript.of(lab).text())
        .contains("ip link add ipv2 link eth0 netns a type ipvlan mode l2 private");
  }

  @Test
  void keepsTwoNamespacesOnABridgeWithAGatewayAndDefaultRoutes() {
    LabDocument lab = roundTrip(LabScripts.BRIDGE_WITH_GATEWAY);
    assertThat(lab.hosts().get(0).namespaces().get(1).routes()).hasSize(1);
  }

  @Test
  void keepsARouterWithIpForwardAndStaticRoutes() {
    LabDocument lab = roundTrip(LabScripts.ROUTER);
    LabNamespace router = lab.hosts().get(0).namespaces().get(2);
    assertThat(router.sysctls()).containsEntry("net.ipv4.ip_forward", "1");
    assertThat(router.routes()).hasSize(3);
  }

  @Test
  void keepsARoutersIptablesAndRestoresThemFromTheScript() {
    LabDocument lab = roundTrip(LabScripts.ROUTER_WITH_RULES);
    LabNamespace router = lab.hosts().get(0).namespaces().get(2);
    assertThat(router.iptables())
        .startsWith("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n")
        .contains(
            "-A DOCKER -p tcp -m tcp --dport 8543 -j DNAT --to-destination 192.0.2.10:8888\n");
    assertThat(LabScript.of(lab).text())
        .contains("ip netns exec router iptables-restore <<'RULES'\n*filter\n")
        .endsWith("COMMIT\nRULES\n");
  }

  @Test
  void keepsPermanentNeighboursStaticFdbEntriesAndChangedSysctls() {
    LabDocument lab = roundTrip(LabScripts.STATIC_ENTRIES);
    LabNamespace root = lab.hosts().get(0).namespaces().get(0);
    assertThat(root.fdb()).hasSize(2);
    assertThat(root.devices().get(2).port().hairpin()).isTrue();
    assertThat(lab.hosts().get(0).namespaces().get(1).neighbours()).hasSize(2);
    assertThat(lab.hosts().get(0).namespaces().get(2).neighbours()).hasSize(1);
  }

  @Test
  void keepsTwoHostsWhosePhysicalNicsShareAnUnderlaySwitch() {
    World world = new World(World.DEFAULT_SEED);
    UnderlaySwitch underlay = world.addSwitch("sw1");
    for (int h = 1; h <= 2; h++) {
      NetNamespace root = world.addHost("node" + h).root();
      NetDevice nic = root.addPhysical("eth0", MacAddress.parse("02:00:00:00:0" + h + ":00"));
      underlay.plug(nic);
      root.addAddress(
          nic,
          new InterfaceAddress(
              Ipv4Prefix.parse("192.168.50." + h + "/24"),
              null,
              AddressScope.GLOBAL,
              "eth0",
              false,
              0));
      root.setUp(nic, true);
    }
    LabDocument lab = WorldSnapshot.document(world, "two nodes");
    assertThat(lab.underlay()).containsExactly("sw1");
    LabBuilder.Result built = LabBuilder.build(lab);
    assertThat(built.problems()).isEmpty();
    assertThat(WorldSnapshot.refresh(lab, built.world())).isEqualTo(lab);
    assertThat(built.world().switches().get(0).ports()).hasSize(2);
  }

  @Test
  void keepsTwoHostsMadeWithPwTheirUnderlayAndAPodNamespace() {
    LabDocument lab = roundTrip(LabScripts.TWO_HOSTS);
    assertThat(lab.hosts()).extracting(LabHost::name).containsExactly("host1", "host2");
    assertThat(lab.underlay()).containsExactly("sw0");
    LabDevice nic = lab.hosts().get(1).namespaces().get(0).devices().get(1);
    assertThat(nic.kind()).isEqualTo(LabDeviceKind.PHYSICAL);
    assertThat(nic.underlay()).isEqualTo("sw0");
    assertThat(nic.mac()).isEqualTo(MacAddress.parse("02:00:00:00:02:01"));
    assertThat(lab.hosts().get(1).namespaces())
        .extracting(LabNamespace::name)
        .containsExactly("", "pod");
    assertThat(LabImport.fromScript(LabScripts.TWO_HOSTS, "lab").document()).isEqualTo(lab);
  }

  @Test
  void importsAScriptAsTheDocumentOfTheWorldItMakes() {
    LabImport.Result imported = LabImport.fromScript(LabScripts.BRIDGE_WITH_GATEWAY, "lab");
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.document())
        .isEqualTo(WorldSnapshot.document(LabScripts.run(LabScripts.BRIDGE_WITH_GATEWAY), "lab"));
  }

  @Test
  void reportsEveryFailingLineOfAnImportedScript() {
    LabImport.Result imported =
        LabImport.fromScript("ip netns add a\nip link set dev nosuch up\nip netns add a\n", "lab");
    assertThat(imported.document()).isNull();
    assertThat(imported.problems())
        .extracting(LabProblem::path)
        .containsExactly("line 2", "line 3");
    assertThat(imported.problems().get(0).message()).contains("ip link set dev nosuch up");
  }

  @Test
  void buildsNothingFromADocumentWithProblems() {
    LabDocument lab = WorldSnapshot.document(LabScripts.run(LabScripts.VETH_PAIR), "lab");
    LabHost host = lab.hosts().get(0);
    LabNamespace a = host.namespaces().get(1);
    LabDevice veth = a.devices().get(1);
    LabDevice orphan =
        new LabDevice(
            veth.name(),
            veth.kind(),
            veth.ifindex(),
            veth.mac(),
            veth.mtu(),
            veth.up(),
            "br0",
            veth.peer(),
            null,
            null,
            null,
            null,
            null,
            veth.addresses(),
            null);
    LabNamespace broken =
        new LabNamespace(
            a.name(),
            java.util.List.of(a.devices().get(0), orphan),
            a.routes(),
            a.neighbours(),
            a.fdb(),
            a.sysctls());
    LabDocument bad =
        lab.withWorld(
            java.util.List.of(
                new LabHost(
                    host.name(),
                    java.util.List.of(host.namespaces().get(0), broken, host.namespaces().get(2)))),
            lab.underlay());
    LabBuilder.Result result = LabBuilder.build(bad);
    assertThat(result.built()).isFalse();
    assertThat(result.problems())
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[1].devices[1].master", "no bridge \"br0\" in netns \"a\""));
  }
}
