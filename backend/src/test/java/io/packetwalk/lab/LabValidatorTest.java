package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.kernel.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Cross-references a single record cannot check, each reported at its path. */
class LabValidatorTest {

  /** Scenario 04's world as a document: br0 in the root, c1 and c2 on it. */
  private static LabDocument bridgeLab() {
    return WorldSnapshot.document(TestLabs.bridgeWithGateway(), "bridge");
  }

  private static LabDocument changeNamespace(
      LabDocument doc, int index, UnaryOperator<LabNamespace> change) {
    LabHost host = doc.hosts().get(0);
    List<LabNamespace> namespaces = new ArrayList<>(host.namespaces());
    namespaces.set(index, change.apply(namespaces.get(index)));
    return doc.withWorld(List.of(new LabHost(host.name(), namespaces)), doc.underlay());
  }

  private static LabNamespace changeDevice(
      LabNamespace ns, int index, UnaryOperator<LabDevice> change) {
    List<LabDevice> devices = new ArrayList<>(ns.devices());
    devices.set(index, change.apply(devices.get(index)));
    return new LabNamespace(
        ns.name(), devices, ns.routes(), ns.neighbours(), ns.fdb(), ns.sysctls());
  }

  private static LabDevice withMaster(LabDevice d, String master) {
    return new LabDevice(
        d.name(),
        d.kind(),
        d.ifindex(),
        d.mac(),
        d.mtu(),
        d.up(),
        master,
        d.peer(),
        d.bridge(),
        null,
        d.underlay(),
        null,
        null,
        d.addresses(),
        null);
  }

  @Test
  void findsNothingWrongWithASnapshotOfARealWorld() {
    for (World world :
        List.of(TestLabs.vethPair(), TestLabs.bridgeWithGateway(), TestLabs.router())) {
      assertThat(LabValidator.validate(WorldSnapshot.document(world, "lab"))).isEmpty();
    }
  }

  @Test
  void namesAMasterThatIsNoBridgeInItsNamespace() {
    LabDocument doc =
        changeNamespace(bridgeLab(), 1, ns -> changeDevice(ns, 1, d -> withMaster(d, "br9")));
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[1].devices[1].master", "no bridge \"br9\" in netns \"c1\""));
  }

  @Test
  void namesAMasterThatIsNotABridge() {
    LabDocument doc =
        changeNamespace(bridgeLab(), 0, ns -> changeDevice(ns, 2, d -> withMaster(d, "veth-c2")));
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[0].devices[2].master",
                "\"veth-c2\" in the root namespace is a veth, not a bridge"));
  }

  @Test
  void namesAVethWhosePeerDoesNotPointBack() {
    LabDocument doc =
        changeNamespace(
            bridgeLab(),
            1,
            ns ->
                changeDevice(
                    ns,
                    1,
                    d ->
                        new LabDevice(
                            d.name(),
                            d.kind(),
                            d.ifindex(),
                            d.mac(),
                            d.mtu(),
                            d.up(),
                            null,
                            new LabPeer("", "veth-c2"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            d.addresses(),
                            null)));
    assertThat(LabValidator.validate(doc))
        .extracting(LabProblem::path)
        .containsExactlyInAnyOrder(
            "hosts[0].namespaces[0].devices[2].peer", "hosts[0].namespaces[1].devices[1].peer");
  }

  @Test
  void namesAReusedIfindex() {
    LabDocument doc =
        changeNamespace(
            bridgeLab(),
            0,
            ns ->
                changeDevice(
                    ns,
                    3,
                    d ->
                        new LabDevice(
                            d.name(),
                            d.kind(),
                            3,
                            d.mac(),
                            d.mtu(),
                            d.up(),
                            d.master(),
                            d.peer(),
                            d.bridge(),
                            d.port(),
                            d.underlay(),
                            null,
                            null,
                            d.addresses(),
                            null)));
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[0].devices[3].ifindex",
                "ifindex 3 is used twice in the root namespace"));
  }

  @Test
  void namesARouteThroughAMissingDeviceAndAnUnreachableGateway() {
    LabDocument doc =
        changeNamespace(
            bridgeLab(),
            1,
            ns -> {
              LabRoute route = ns.routes().get(0);
              LabRoute viaNowhere =
                  new LabRoute(
                      route.table(),
                      route.type(),
                      io.packetwalk.net.Ipv4Prefix.parse("10.9.0.0/16"),
                      io.packetwalk.net.Ipv4Address.parse("10.1.1.1"),
                      "eth0",
                      null,
                      0,
                      route.scope(),
                      route.protocol(),
                      false);
              LabRoute missingDev =
                  new LabRoute(
                      route.table(),
                      route.type(),
                      io.packetwalk.net.Ipv4Prefix.parse("10.8.0.0/16"),
                      null,
                      "eth9",
                      null,
                      0,
                      io.packetwalk.kernel.AddressScope.LINK,
                      route.protocol(),
                      false);
              return new LabNamespace(
                  ns.name(),
                  ns.devices(),
                  List.of(route, viaNowhere, missingDev),
                  ns.neighbours(),
                  ns.fdb(),
                  ns.sysctls());
            });
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[1].routes[1].via",
                "10.1.1.1 is not on a subnet of \"eth0\" in netns \"c1\" (the kernel refuses it:"
                    + " Nexthop has invalid gateway)"),
            new LabProblem(
                "hosts[0].namespaces[1].routes[2].dev", "no device \"eth9\" in netns \"c1\""));
  }

  @Test
  void namesAnUnknownSysctlAndOneForAMissingDevice() {
    LabDocument doc =
        changeNamespace(
            bridgeLab(),
            2,
            ns ->
                new LabNamespace(
                    ns.name(),
                    ns.devices(),
                    ns.routes(),
                    ns.neighbours(),
                    ns.fdb(),
                    new java.util.TreeMap<>(
                        java.util.Map.of(
                            "net.ipv4.conf.eth7.rp_filter", "1",
                            "net.ipv4.tcp_nonsense", "1",
                            "net.ipv4.ip_forward", "on"))));
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[2].sysctls[\"net.ipv4.conf.eth7.rp_filter\"]",
                "no device \"eth7\" in netns \"c2\" for this setting"),
            new LabProblem(
                "hosts[0].namespaces[2].sysctls[\"net.ipv4.ip_forward\"]",
                "\"on\" is not an integer"),
            new LabProblem(
                "hosts[0].namespaces[2].sysctls[\"net.ipv4.tcp_nonsense\"]",
                "Packetwalk does not know the sysctl net.ipv4.tcp_nonsense"));
  }

  @Test
  void namesAStaticFdbEntryOnADeviceThatIsNoBridgePort() {
    LabDocument doc =
        changeNamespace(
            bridgeLab(),
            1,
            ns ->
                new LabNamespace(
                    ns.name(),
                    ns.devices(),
                    ns.routes(),
                    ns.neighbours(),
                    List.of(
                        new LabFdbEntry(
                            io.packetwalk.net.MacAddress.parse("02:00:00:00:09:09"), "eth0")),
                    ns.sysctls()));
    assertThat(LabValidator.validate(doc))
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[1].fdb[0].dev",
                "\"eth0\" is not a bridge port; static FDB entries point at ports"));
  }

  @Test
  void namesALayoutEntryForANamespaceThatDoesNotExist() {
    LabDocument lab = bridgeLab();
    LabDocument doc =
        new LabDocument(
            lab.schemaVersion(),
            lab.name(),
            "",
            lab.hosts(),
            lab.underlay(),
            List.of(new LabPosition("host1", "c9", 1, 2)),
            "",
            List.of());
    assertThat(LabValidator.validate(doc))
        .containsExactly(new LabProblem("layout[0].netns", "no netns \"c9\" on host \"host1\""));
  }

  @Test
  void namesAProbeFromANamespaceThatDoesNotExist() {
    LabDocument doc =
        bridgeLab()
            .withProbes(
                List.of(
                    LabProbe.checked("host1", "c1", "10.0.0.2", null),
                    LabProbe.checked("host9", "c1", null, "nc -z -v -w 1 10.0.0.2 80")));
    assertThat(LabValidator.validate(doc))
        .containsExactly(new LabProblem("probes[1].host", "no host \"host9\" in this lab"));
  }

  @Test
  void aProbeIsAPingOrOneCommandLine() {
    assertThatThrownBy(() -> LabProbe.checked("host1", "c1", null, null))
        .hasMessageContaining("one of the two");
    assertThatThrownBy(() -> LabProbe.checked("host1", "c1", "10.0.0.2", "ping 10.0.0.2"))
        .hasMessageContaining("one of the two");
    assertThatThrownBy(() -> LabProbe.checked("host1", "c1", "10.0.0.256", null))
        .hasMessage("ping: must be an IPv4 address like 10.0.0.2, not \"10.0.0.256\"");
    assertThatThrownBy(() -> LabProbe.checked("host1", "c1", null, "ping 10.0.0.2\nreboot"))
        .hasMessage("run: a probe is one command line, without line breaks");
    assertThatThrownBy(() -> LabProbe.checked("host1", "c1", null, "x".repeat(501)))
        .hasMessage("run: is 501 characters long; the limit is 500");
  }
}
