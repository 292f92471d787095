package io.packetwalk.shell.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class PwCommandTest {

  private static final String TWO_HOSTS =
      """
      pw host add node2
      pw switch add sw0
      pw nic add host1 eth0 switch sw0 address 02:00:00:00:01:01
      pw nic add node2 eth0 switch sw0 address 02:00:00:00:02:01
      ip addr add 10.0.0.1/24 dev eth0
      ip link set eth0 up
      pw use node2
      ip addr add 10.0.0.2/24 dev eth0
      ip link set eth0 up
      pw use host1
      """;

  private static List<CommandOutcome> run(String script) {
    return new ScriptRunner().run(script);
  }

  private static CommandOutcome last(String script) {
    List<CommandOutcome> outcomes = run(script);
    for (CommandOutcome outcome : outcomes.subList(0, outcomes.size() - 1)) {
      assertThat(outcome.exit()).as("%s: %s", outcome.cmd(), outcome.stderr()).isZero();
    }
    return outcomes.get(outcomes.size() - 1);
  }

  @Test
  void aHostsKernelGetsBridgeVlanFilteringOnlyOnItsOwnBeforeAnyBridge() {
    CommandOutcome on =
        last(
            "pw host add node2\npw host kernel node2 CONFIG_BRIDGE_VLAN_FILTERING=y\n"
                + "pw on node2 ip link add br0 type bridge vlan_filtering 1\n"
                + "ip link add br0 type bridge vlan_filtering 1\n");
    assertThat(on.exit()).isEqualTo(2);
    assertThat(on.stderr()).isEqualTo("RTNETLINK answers: Operation not supported\n");
    CommandOutcome wrong = last("pw host kernel host1 CONFIG_BRIDGE_VLAN_FILTERING=maybe\n");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.stderr())
        .startsWith(
            "pw: host kernel: \"CONFIG_BRIDGE_VLAN_FILTERING=maybe\" is not"
                + " CONFIG_BRIDGE_VLAN_FILTERING=y or =n\nusage: ");
    CommandOutcome missing = last("pw host kernel nohost CONFIG_BRIDGE_VLAN_FILTERING=y\n");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.stderr()).startsWith("pw: no host \"nohost\"");
  }

  @Test
  void pingsAcrossTheUnderlayFromOneHostToAnother() {
    CommandOutcome ping = last(TWO_HOSTS + "ping -c 1 10.0.0.2\n");
    assertThat(ping.exit()).isZero();
    assertThat(ping.stdout()).contains("1 packets transmitted, 1 received");
  }

  @Test
  void pwOnRunsACommandInTheNamedHostsRootNamespace() {
    CommandOutcome addr = last(TWO_HOSTS + "pw on node2 ip -br addr show dev eth0\n");
    assertThat(addr.stdout()).startsWith("eth0").contains("10.0.0.2/24");
    CommandOutcome mac = last(TWO_HOSTS + "pw on node2 ip -br link show dev eth0\n");
    assertThat(mac.stdout()).contains("02:00:00:00:02:01");
  }

  @Test
  void listsHostsWithTheCurrentOneMarkedAndSwitchesWithTheirPorts() {
    CommandOutcome hosts =
        last(TWO_HOSTS + "pw use node2\npw on host1 ip netns add ns1\npw hosts\n");
    assertThat(hosts.stdout())
        .isEqualTo(
            "  host1  namespaces: ns1  NICs: eth0 (switch sw0)\n"
                + "* node2  namespaces: none  NICs: eth0 (switch sw0)\n");
    CommandOutcome switches = last(TWO_HOSTS + "pw nic unplug node2 eth0\npw switch list\n");
    assertThat(switches.stdout()).isEqualTo("sw0  ports: host1/eth0\n");
  }

  @Test
  void anUnpluggedNicLosesItsCarrierAndThePingFails() {
    CommandOutcome ping = last(TWO_HOSTS + "pw nic unplug node2 eth0\nping -c 1 -W 1 10.0.0.2\n");
    assertThat(ping.exit()).isEqualTo(1);
    CommandOutcome link = last(TWO_HOSTS + "pw switch del sw0\nip -br link show dev eth0\n");
    assertThat(link.stdout()).contains("NO-CARRIER");
  }

  @Test
  void errorsNameWhatAndWhere() {
    assertThat(error("pw host add host1")).isEqualTo("pw: host \"host1\" already exists\n");
    assertThat(error("pw host add bad/name"))
        .startsWith("pw: host name \"bad/name\" is not allowed (letters, digits");
    assertThat(error("pw use node9")).isEqualTo("pw: no host \"node9\"; the hosts are host1\n");
    assertThat(error("pw nic add host1 eth0 switch sw9"))
        .isEqualTo("pw: no switch \"sw9\"; there are none yet (pw switch add NAME)\n");
    assertThat(error("pw nic add host1 averyveryverylongnic"))
        .isEqualTo(
            "pw: NIC name \"averyveryverylongnic\" is too long: a device name holds at most 15"
                + " bytes\n");
    assertThat(error("pw nic add host1 lo"))
        .isEqualTo("pw: host \"host1\" already has a device \"lo\"\n");
    assertThat(error("pw nic add host1 eth0 address 01:00:5e:00:00:01"))
        .startsWith("pw: a NIC needs a unicast MAC address");
    assertThat(error("pw nic unplug host1 lo"))
        .isEqualTo("pw: \"lo\" on host \"host1\" is a loopback device, not a physical NIC\n");
    assertThat(error("pw host del host1")).isEqualTo("pw: host \"host1\" is the lab's only host\n");
    assertThat(error("pw host add node2\nip netns add ns1\npw host del host1"))
        .isEqualTo("pw: host \"host1\" is where this command runs; pw use another host first\n");
    assertThat(error("pw host add node2\npw on node2 ip netns add pod1\npw host del node2"))
        .isEqualTo(
            "pw: host \"node2\" still has namespaces (pod1); delete them first: pw on node2 ip"
                + " netns del NAME\n");
    assertThat(error("pw frobnicate"))
        .isEqualTo(
            "pw: unknown command \"frobnicate\"; pw help lists them\n"
                + "usage: pw host|hosts|switch|switches|nic|on|use|help ...\n");
  }

  @Test
  void aDeletedHostTakesItsCableOutOfTheSwitch() {
    CommandOutcome list = last(TWO_HOSTS + "pw host del node2\npw switches\npw hosts\n");
    assertThat(list.stdout()).isEqualTo("* host1  namespaces: none  NICs: eth0 (switch sw0)\n");
    assertThat(run(TWO_HOSTS + "pw host del node2\npw switches\n").getLast().stdout())
        .isEqualTo("sw0  ports: host1/eth0\n");
  }

  @Test
  void helpPrintsTheUsageAndABarePwFailsWithIt() {
    CommandOutcome help = last("pw help\n");
    assertThat(help.stdout()).contains("not a Linux tool").contains("pw on HOST COMMAND");
    CommandOutcome bare = last("pw\n");
    assertThat(bare.exit()).isEqualTo(2);
    assertThat(bare.stderr()).contains("pw host add NAME");
  }

  private static String error(String script) {
    CommandOutcome outcome = run(script + "\n").getLast();
    assertThat(outcome.exit()).as(outcome.cmd()).isNotZero();
    assertThat(outcome.stdout()).isEmpty();
    return outcome.stderr();
  }
}
