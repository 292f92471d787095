package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.ShellSession;
import io.packetwalk.stream.protocol.Protocol.LinkView;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunnelsTest {

  private final ShellSession shell = new ShellSession(World.withOneHost());
  private final NetNamespace root = shell.world().defaultHost().root();

  private void run(String... lines) {
    for (String line : lines) {
      assertThat(shell.execute(root, line, 1).exit()).as(line).isZero();
    }
  }

  private List<LinkView> tunnels() {
    return TopologyMapper.snapshot(shell.world()).links().stream()
        .filter(link -> link.kind().equals("vxlan-tunnel"))
        .toList();
  }

  @Test
  void twoVtepsThatNameEachOthersUnderlayAddressAreOneTunnel() {
    run(
        "ip netns add h1",
        "ip netns add h2",
        "ip link add u1 netns h1 type veth peer name u2 netns h2",
        "ip -n h1 addr add 192.0.2.1/24 dev u1",
        "ip -n h2 addr add 192.0.2.2/24 dev u2",
        "ip -n h1 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.2 dev u1",
        "ip -n h2 link add vx0 type vxlan id 42 dstport 4789 remote 192.0.2.1 dev u2",
        "ip -n h2 link add vx9 type vxlan id 9 dstport 4789 remote 192.0.2.1 dev u2");

    assertThat(tunnels())
        .singleElement()
        .satisfies(link -> {
          assertThat(link.a().netns()).isEqualTo("h1");
          assertThat(link.b().netns()).isEqualTo("h2");
          assertThat(link.b().device()).isEqualTo("vx0");
        });
  }

  @Test
  void aVtepWithoutEntriesHasNoTunnel() {
    run("ip link add vx0 type vxlan id 1 dstport 8472");

    assertThat(tunnels()).isEmpty();
  }
}
