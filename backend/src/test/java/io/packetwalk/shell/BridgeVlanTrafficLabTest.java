package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Access ports in VLANs 10 and 20 and a trunk port carrying VLAN 10 tagged, on a bridge with {@code
 * vlan_filtering 1}, typed as commands on a host whose kernel has bridge VLAN filtering (modelled,
 * not kernel-checked: see docs/fidelity.md).
 */
class BridgeVlanTrafficLabTest {

  private static final String SCRIPT =
      """
      pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=y
      ip netns add a
      ip netns add b
      ip netns add c
      ip netns add t
      ip link add br0 type bridge vlan_filtering 1
      ip link set br0 up
      ip link add pa type veth peer name eth0 netns a
      ip link add pb type veth peer name eth0 netns b
      ip link add pc type veth peer name eth0 netns c
      ip link add pt type veth peer name eth0 netns t
      ip -n a link set eth0 address 02:00:00:00:0a:01 up
      ip -n b link set eth0 address 02:00:00:00:0b:01 up
      ip -n c link set eth0 address 02:00:00:00:0c:01 up
      ip -n t link set eth0 address 02:00:00:00:0d:01 up
      ip -n a addr add 10.0.0.1/24 dev eth0
      ip -n b addr add 10.0.0.2/24 dev eth0
      ip -n c addr add 10.0.0.3/24 dev eth0
      ip link set pa master br0 up
      ip link set pb master br0 up
      ip link set pc master br0 up
      ip link set pt master br0 up
      bridge vlan add dev pa vid 10 pvid untagged
      bridge vlan add dev pb vid 10 pvid untagged
      bridge vlan add dev pc vid 20 pvid untagged
      bridge vlan add dev pt vid 10
      bridge vlan del dev pt vid 1
      ip netns exec a ping -c 1 -W 1 10.0.0.2
      ip netns exec a ping -c 1 -W 1 10.0.0.3
      ip netns exec t tcpdump -c 1 -e -n -i eth0
      bridge fdb show br br0 dynamic
      """;

  private final List<CommandOutcome> run = new ScriptRunner().run(SCRIPT);

  private CommandOutcome line(int number) {
    return run.stream().filter(o -> o.line() == number).findFirst().orElseThrow();
  }

  @Test
  void accessPortsInOneVlanReachEachOther() {
    assertThat(line(28).exit()).isZero();
    assertThat(line(28).stdout()).contains("1 packets transmitted, 1 received");
  }

  @Test
  void accessPortsInDifferentVlansDoNotReachEachOther() {
    assertThat(line(29).exit()).isEqualTo(1);
    assertThat(line(29).stdout()).contains("1 packets transmitted, 0 received");
  }

  @Test
  void theTrunkPortSeesVlanTenTaggedInTcpdump() {
    assertThat(line(30).stdout())
        .contains(
            "02:00:00:00:0a:01 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 46: vlan 10,"
                + " p 0, ethertype ARP (0x0806), Request who-has 10.0.0.2 tell 10.0.0.1,"
                + " length 28");
  }

  @Test
  void theBridgeLearnsEachHostInItsVlan() {
    assertThat(line(31).stdout())
        .isEqualTo(
            """
            02:00:00:00:0a:01 dev pa vlan 10 master br0\s
            02:00:00:00:0b:01 dev pb vlan 10 master br0\s
            """);
  }
}
