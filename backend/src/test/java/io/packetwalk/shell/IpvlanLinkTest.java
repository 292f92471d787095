package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link … type ipvlan}, modelled from iproute2 6.1's iplink_ipvlan.c and the kernel's
 * ipvlan_link_new(), not kernel-checked: the oracle machine has no ipvlan module.
 */
class IpvlanLinkTest {

  private final List<CommandOutcome> run =
      new ScriptRunner()
          .run(
              """
              ip link add eth0 type veth peer name peer0
              ip link set dev eth0 address 02:00:00:00:92:01
              ip link add ipv1 link eth0 type ipvlan mode l2
              ip -d link show ipv1
              ip -j -d link show ipv1
              ip link add ipv2 link eth0 type ipvlan private
              ip -br link show type ipvlan
              ip -d link show ipv1
              ip link add ipv3 link eth0 type ipvlan mode l4
              ip link add ipv3 link lo type ipvlan
              ip link add ipv3 type ipvlan
              ip link add ipv3 link eth0 type ipvlan wat
              ip link set dev ipv1 address 02:00:00:00:00:01
              ip link add mv1 link eth0 type macvlan
              ip link set eth0 mtu 1400
              ip link show ipv1
              ip link set dev eth0 address 02:00:00:00:92:02
              ip -br link show ipv2
              """);

  private CommandOutcome line(int number) {
    return run.stream().filter(o -> o.line() == number).findFirst().orElseThrow();
  }

  @Test
  void printsTheModeAndFlagItsLowerDeviceHolds() {
    assertThat(line(4).stdout())
        .startsWith("4: ipv1@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop")
        .contains("link/ether 02:00:00:00:92:01 ")
        .contains("\n    ipvlan  mode l2 bridge addrgenmode eui64 ");
    assertThat(line(5).stdout())
        .contains("\"info_kind\":\"ipvlan\",\"info_data\":{\"mode\":\"l2\",\"bridge\":true}");
    // a new ipvlan without a mode sets its lower device's to l3 (NOARP) for all of them
    assertThat(line(7).stdout())
        .isEqualTo(
            "ipv1@eth0        DOWN           02:00:00:00:92:01 <BROADCAST,MULTICAST,NOARP,M-DOWN> \n"
                + "ipv2@eth0        DOWN           02:00:00:00:92:01"
                + " <BROADCAST,MULTICAST,NOARP,M-DOWN> \n");
    assertThat(line(8).stdout()).contains("    ipvlan  mode l3 private ");
  }

  @Test
  void refusesWhatIproute2AndTheKernelRefuse() {
    assertThat(line(9).stderr())
        .isEqualTo("Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n");
    assertThat(line(10).stderr()).isEqualTo("RTNETLINK answers: Invalid argument\n");
    assertThat(line(11).stderr()).isEqualTo("RTNETLINK answers: Invalid argument\n");
    assertThat(line(12).stderr()).startsWith("ipvlan: unknown option \"wat\"?\nUsage: ... ipvlan");
    assertThat(line(13).stderr()).isEqualTo("RTNETLINK answers: Operation not supported\n");
    assertThat(line(14).stderr()).isEqualTo("RTNETLINK answers: Device or resource busy\n");
  }

  @Test
  void followsItsLowerDevicesMtuAndMac() {
    assertThat(line(16).stdout()).contains(" mtu 1400 ");
    assertThat(line(18).stdout()).contains("02:00:00:00:92:02");
  }
}
