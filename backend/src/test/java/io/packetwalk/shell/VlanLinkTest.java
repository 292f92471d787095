package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link … type vlan}, modelled from iproute2 6.1's iplink_vlan.c and the kernel's
 * vlan_netlink.c / vlan_dev.c, not kernel-checked: the machine the oracle runs on has no 8021q
 * module (see docs/fidelity.md).
 */
class VlanLinkTest {

  private static final String SCRIPT =
      """
      ip link add eth0 type veth peer name peer0
      ip link set dev eth0 address 02:00:00:00:90:01
      ip link add link eth0 name eth0.10 type vlan id 10
      ip -d link show eth0.10
      ip -j -d link show eth0.10
      ip link add link eth0 name eth0.4095 type vlan id 4095
      ip link add link eth0 name eth0.x type vlan id 70000
      ip link add link eth0 name eth0.y type vlan id 10
      ip link add link eth0 name eth0.z type vlan protocol 802.1Q
      ip link add link eth0 name eth0.z type vlan
      ip link add name eth0.z type vlan id 11
      ip link add link lo name lo.5 type vlan id 5
      ip link add link eth0 name eth0.z mtu 1600 type vlan id 12
      ip link add link eth0 name eth0.z type vlan id 12 protocol 0x1234
      ip link add link eth0 name eth0.z type vlan id 12 reorder_hdr maybe
      ip link add link eth0 name eth0.z type vlan id 12 wat
      ip link add link eth0 type vlan id 13
      ip link show vlan0
      ip link set eth0.10 mtu 1600
      ip link set eth0.10 mtu 60
      ip link set eth0.10 type vlan reorder_hdr off
      ip -d link show eth0.10
      ip link set dev eth0 address 02:00:00:00:90:02
      ip -br link show eth0.10
      ip link set dev eth0.10 address 02:00:00:00:90:10
      ip link set dev eth0 address 02:00:00:00:90:03
      ip -br link show eth0.10
      ip link set eth0.10 up
      ip link show eth0.10
      ip link set eth0 up
      ip link set peer0 up
      ip -br link show eth0.10
      ip link set eth0 mtu 1400
      ip -br link show type vlan
      ip link del eth0
      ip -br link show
      """;

  private final List<CommandOutcome> run = new ScriptRunner().run(SCRIPT);

  private CommandOutcome line(int number) {
    return run.stream().filter(o -> o.line() == number).findFirst().orElseThrow();
  }

  private void expect(int number, int exit, String stdout, String stderr) {
    CommandOutcome o = line(number);
    assertThat(o.exit()).as("exit of %s", o.cmd()).isEqualTo(exit);
    assertThat(o.stdout()).as("stdout of %s", o.cmd()).isEqualTo(stdout);
    assertThat(o.stderr()).as("stderr of %s", o.cmd()).isEqualTo(stderr);
  }

  @Test
  void printsTheVlanProtocolIdAndReorderHeaderFlag() {
    expect(
        4,
        0,
        """
        4: eth0.10@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT \
        group default qlen 1000
            link/ether 02:00:00:00:90:01 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 \
        minmtu 0 maxmtu 65535\s
            vlan protocol 802.1Q id 10 <REORDER_HDR> addrgenmode eui64 numtxqueues 1 \
        numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 \
        tso_max_segs 65535 gro_max_size 65536\s
        """,
        "");
    assertThat(line(5).stdout())
        .contains(
            "\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":{\"protocol\":\"802.1Q\","
                + "\"id\":10,\"flags\":[\"REORDER_HDR\"]}}");
    expect(
        22,
        0,
        """
        4: eth0.10@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 60 qdisc noop state DOWN mode DEFAULT \
        group default qlen 1000
            link/ether 02:00:00:00:90:01 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 \
        minmtu 0 maxmtu 65535\s
            vlan protocol 802.1Q id 10 addrgenmode eui64 numtxqueues 1 numrxqueues 1 \
        gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 \
        gro_max_size 65536\s
        """,
        "");
  }

  @Test
  void refusesWhatVlanValidateAndVlanNewlinkRefuse() {
    expect(6, 2, "", "Error: 8021q: Invalid VLAN id.\n");
    expect(7, 255, "", "Error: argument \"70000\" is wrong: id is invalid\n");
    expect(8, 2, "", "Error: 8021q: VLAN device already exists.\n");
    expect(9, 2, "", "Error: 8021q: VLAN id not specified.\n");
    expect(10, 2, "", "Error: 8021q: VLAN properties not specified.\n");
    expect(11, 2, "", "Error: 8021q: link not specified.\n");
    expect(12, 2, "", "Error: 8021q: VLANs not supported on device.\n");
    expect(13, 2, "", "RTNETLINK answers: Invalid argument\n");
    expect(14, 2, "", "Error: 8021q: Invalid VLAN protocol.\n");
    expect(
        15, 1, "", "Error: argument of \"reorder_hdr\" must be \"on\" or \"off\", not \"maybe\"\n");
    assertThat(line(16).exit()).isEqualTo(1);
    assertThat(line(16).stderr()).startsWith("vlan: unknown command \"wat\"?\nUsage: ... vlan id");
    expect(19, 2, "", "RTNETLINK answers: Numerical result out of range\n");
    expect(20, 0, "", "");
  }

  @Test
  void takesTheKernelsNameAndItsLowerDevicesMacUntilOneIsSetByHand() {
    assertThat(line(18).stdout()).startsWith("5: vlan0@eth0: ");
    assertThat(line(24).stdout()).contains("02:00:00:00:90:02");
    assertThat(line(27).stdout()).contains("02:00:00:00:90:10");
  }

  @Test
  void comesUpOnlyWithItsLowerDeviceAndFollowsItUpAndDown() {
    expect(28, 2, "", "RTNETLINK answers: Network is down\n");
    assertThat(line(29).stdout())
        .startsWith("4: eth0.10@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 60 qdisc noop state DOWN");
    assertThat(line(34).stdout())
        .isEqualTo(
            "eth0.10@eth0     UP             02:00:00:00:90:10 <BROADCAST,MULTICAST,UP,LOWER_UP> \n"
                + "vlan0@eth0       UP             02:00:00:00:90:03"
                + " <BROADCAST,MULTICAST,UP,LOWER_UP> \n");
  }

  @Test
  void hasCarrierWhileItsLowerDeviceHasAndGoesWithIt() {
    assertThat(line(32).stdout())
        .isEqualTo(
            "eth0.10@eth0     UP             02:00:00:00:90:10"
                + " <BROADCAST,MULTICAST,UP,LOWER_UP> \n");
    assertThat(line(36).stdout()).doesNotContain("eth0.10", "vlan0");
  }
}
