package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bridge vlan}, {@code ip link … type bridge vlan_*} and per-VLAN {@code bridge fdb} on a
 * host whose kernel has CONFIG_BRIDGE_VLAN_FILTERING, modelled from iproute2 6.1's bridge/vlan.c,
 * bridge/fdb.c and ip/iplink_bridge.c and the kernel's br_vlan.c, br_fdb.c and br_netlink.c. Not
 * kernel-checked: the oracle machine's kernel lacks the option (scenario 94 checks that side).
 */
class BridgeVlanCommandTest {

  private static final String SCRIPT =
      """
      pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=y
      ip link add br0 type bridge
      ip link set br0 address 02:00:00:00:00:01
      ip link add va type veth peer name vb
      ip link set va address 02:00:00:00:00:0a
      ip link set vb address 02:00:00:00:00:0b
      ip link set va master br0
      bridge vlan show
      bridge -j vlan show
      bridge fdb show br br0
      bridge vlan add dev va vid 10 pvid untagged
      bridge vlan add dev va vid 20-23
      bridge vlan add dev br0 vid 10 self
      bridge vlan show
      bridge -c vlan show
      bridge -c vlan show vid 21
      bridge -j -c vlan show dev va
      bridge fdb add 02:00:00:00:00:99 dev va master static vlan 20
      bridge fdb add 02:00:00:00:00:97 dev va master static vlan 30
      bridge fdb show br br0 vlan 10
      ip link add br1 type bridge vlan_filtering 1 vlan_default_pvid 5
      ip link add br1 type bridge vlan_protocol 802.1ad
      ip link add br1 type bridge vlan_protocol 0x0800
      ip -br link show type bridge
      ip link set br0 type bridge vlan_filtering 1
      ip link set br0 type bridge vlan_default_pvid 7
      ip link set br0 type bridge vlan_filtering 0 vlan_default_pvid 7
      bridge vlan show
      bridge vlan del dev va vid 20-22
      bridge vlan add dev vb vid 10
      bridge vlan add dev br0 vid 10
      pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=n
      ip -d link show br0
      ip -d -j link show br0
      ip link set va nomaster
      bridge vlan show
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
  void aNewPortAndTheBridgeItselfJoinTheDefaultPvidUntagged() {
    expect(
        8,
        0,
        """
        port              vlan-id \s
        br0               1 PVID Egress Untagged
        va                1 PVID Egress Untagged
        """,
        "");
    expect(
        9,
        0,
        "[{\"ifname\":\"br0\",\"vlans\":[{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]}]},"
            + "{\"ifname\":\"va\",\"vlans\":[{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]}]}]"
            + "\n",
        "");
  }

  @Test
  void eachVlanOfAPortAndOfTheBridgeHasItsOwnLocalFdbEntry() {
    expect(
        10,
        0,
        """
        33:33:00:00:00:01 dev br0 self permanent
        02:00:00:00:00:01 dev br0 vlan 1 master br0 permanent
        02:00:00:00:00:01 dev br0 master br0 permanent
        02:00:00:00:00:0a dev va vlan 1 master br0 permanent
        02:00:00:00:00:0a dev va master br0 permanent
        33:33:00:00:00:01 dev va self permanent
        """,
        "");
    expect(
        20,
        0,
        """
        02:00:00:00:00:01 dev br0 vlan 10 master br0 permanent
        02:00:00:00:00:0a dev va vlan 10 master br0 permanent
        """,
        "");
  }

  @Test
  void aPvidMovesAndRangesListOneByOneOrCompressed() {
    expect(
        14,
        0,
        """
        port              vlan-id \s
        br0               1 PVID Egress Untagged
                          10
        va                1 Egress Untagged
                          10 PVID Egress Untagged
                          20
                          21
                          22
                          23
        """,
        "");
    expect(
        15,
        0,
        """
        port              vlan-id \s
        br0               1 PVID Egress Untagged
                          10
        va                1 Egress Untagged
                          10 PVID Egress Untagged
                          20-23
        """,
        "");
    expect(16, 0, "port              vlan-id  \nva                20-23\n", "");
    expect(
        17,
        0,
        "[{\"ifname\":\"va\",\"vlans\":[{\"vlan\":1,\"flags\":[\"Egress Untagged\"]},"
            + "{\"vlan\":10,\"flags\":[\"PVID\",\"Egress Untagged\"]},"
            + "{\"vlan\":20,\"vlanEnd\":23}]}]\n",
        "");
  }

  @Test
  void anFdbEntryNeedsItsVlanOnThePort() {
    expect(18, 0, "", "");
    expect(19, 255, "", "RTNETLINK answers: Invalid argument\n");
  }

  @Test
  void refusedBridgeOptionsLeaveNoBridgeBehind() {
    expect(21, 2, "", "RTNETLINK answers: Operation not permitted\n");
    expect(22, 2, "", "Packetwalk: vlan_protocol 802.1ad is not simulated\n");
    expect(23, 2, "", "RTNETLINK answers: Protocol not supported\n");
    assertThat(line(24).stdout()).startsWith("br0 ").doesNotContain("br1");
  }

  @Test
  void theDefaultPvidChangesOnlyWithoutFilteringAndOnlyWhereItWasUntouched() {
    expect(25, 0, "", "");
    expect(26, 2, "", "RTNETLINK answers: Operation not permitted\n");
    expect(27, 0, "", "");
    expect(
        28,
        0,
        """
        port              vlan-id \s
        br0               7 PVID Egress Untagged
                          10
        va                1 Egress Untagged
                          10 PVID Egress Untagged
                          20
                          21
                          22
                          23
        """,
        "");
  }

  @Test
  void onlyPortsTakeVlansWithoutSelfAndOnlyTheBridgeWithIt() {
    expect(29, 0, "", "");
    expect(30, 255, "", "RTNETLINK answers: Operation not supported\n");
    expect(31, 255, "", "RTNETLINK answers: Operation not supported\n");
  }

  @Test
  void theKernelOptionCannotChangeUnderABridge() {
    expect(
        32,
        1,
        "",
        "pw: host \"host1\" has bridges; its kernel options can change only while it has none\n");
  }

  @Test
  void detailsShowTheVlanProtocolAndDefaultPvid() {
    assertThat(line(33).stdout())
        .contains(" vlan_filtering 0 vlan_protocol 802.1Q bridge_id ")
        .contains(
            " gc_timer    0.00 vlan_default_pvid 7 vlan_stats_enabled 0 vlan_stats_per_port 0"
                + " group_fwd_mask 0 ");
    assertThat(line(34).stdout())
        .contains("\"vlan_filtering\":0,\"vlan_protocol\":\"802.1Q\",\"bridge_id\"")
        .contains(
            "\"gc_timer\":0.00,\"vlan_default_pvid\":7,\"vlan_stats_enabled\":0,"
                + "\"vlan_stats_per_port\":0,");
  }

  @Test
  void aReleasedPortTakesItsVlansWithIt() {
    expect(
        36,
        0,
        """
        port              vlan-id \s
        br0               7 PVID Egress Untagged
                          10
        """,
        "");
  }
}
