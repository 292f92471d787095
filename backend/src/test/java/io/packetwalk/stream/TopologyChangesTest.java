package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.MessageEncoder;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A change applied to the topology before it gives the topology after, in any sequence. */
class TopologyChangesTest {

  private static final List<String> COMMANDS =
      List.of(
          "ip netns add n%d",
          "ip netns del n%d",
          "ip link add v%d type veth peer name w%d",
          "ip link del v%d",
          "ip link add br%d type bridge",
          "ip link set w%d master br%d",
          "ip link set v%d up",
          "ip link set br%d up",
          "ip addr add 10.9.%d.1/24 dev v%d",
          "ip link set w%d netns n%d",
          "ip link set v%d name x%d",
          "ip link set v%d down",
          "pw host add h%d",
          "pw host del h%d",
          "pw switch add s%d",
          "pw switch del s%d",
          "pw nic add h%d e%d switch s%d",
          "pw nic add host1 e%d",
          "pw nic plug host1 e%d s%d",
          "pw nic unplug h%d e%d",
          "ip link add m%d link v%d type macvlan mode bridge",
          "ip link add link w%d name q%d type vlan id 1%d");

  @Test
  void applyingEachChangeToTheOldTopologyGivesTheNewOneOverRandomCommandSequences() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      ShellSession shell = new ShellSession(World.withOneHost());
      NetNamespace root = shell.world().defaultHost().root();
      TopologyView before = TopologyMapper.snapshot(shell.world());
      for (int i = 0; i < 40; i++) {
        String command =
            COMMANDS.get(random.nextInt(COMMANDS.size())).replace("%d", "" + random.nextInt(4));
        shell.execute(root, command, i);
        TopologyView after = TopologyMapper.snapshot(shell.world());
        TopologyChange change = TopologyChanges.between(before, after);
        assertThat(TopologyChanges.equivalent(TopologyChanges.apply(before, change), after))
            .as("seed %d, after %s", seed, command)
            .isTrue();
        assertThat(change.isEmpty()).isEqualTo(TopologyChanges.equivalent(before, after));
        before = after;
      }
    }
  }

  @Test
  void aStackedDeviceIsLinkedToItsLowerDeviceAcrossNamespaces() {
    ShellSession shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    shell.execute(root, "ip netns add c", 1);
    shell.execute(root, "ip link add eth0 type veth peer name peer0", 2);
    shell.execute(root, "ip link add mv0 link eth0 netns c type macvlan mode bridge", 3);

    TopologyView view = TopologyMapper.snapshot(shell.world());

    assertThat(view.links())
        .filteredOn(link -> link.kind().equals("lower"))
        .singleElement()
        .satisfies(link -> {
          assertThat(link.a().netns()).isEqualTo("c");
          assertThat(link.a().device()).isEqualTo("mv0");
          assertThat(link.b().device()).isEqualTo("eth0");
        });
  }

  @Test
  void addingOneDeviceToALargeLabSendsOnlyThatDevice() {
    ShellSession shell = new ShellSession(World.withOneHost());
    NetNamespace root = shell.world().defaultHost().root();
    for (int i = 0; i < 1_500; i++) {
      shell.execute(root, "ip link add a" + i + " type veth peer name b" + i, i);
    }
    TopologyView before = TopologyMapper.snapshot(shell.world());
    shell.execute(root, "ip link add last type veth peer name last2", 0);
    TopologyChange change = TopologyChanges.between(before, TopologyMapper.snapshot(shell.world()));
    assertThat(change.devicesUpserted()).hasSize(2);
    assertThat(change.linksAdded()).hasSize(1);
    assertThat(new MessageEncoder().encode(change).length()).isLessThan(2_000);
  }
}
