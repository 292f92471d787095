package io.packetwalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabImport;
import io.packetwalk.lab.WorldSnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A lab of several hosts made with {@code pw} becomes a JSON document that reads back and builds
 * into the same world: hosts, NICs with their MACs, the switch they are plugged into.
 */
class MultiHostDocumentTest {

  private final LabDocumentCodec codec = new LabDocumentCodec();

  @Test
  void aWorldMadeWithPwSurvivesJsonAndRebuildsIdentically() {
    String script =
        """
        pw host add node2
        pw host add node3
        pw switch add rack1
        pw switch add rack2
        pw nic add host1 eth0 switch rack1 address 02:00:00:00:01:01
        pw nic add node2 eth0 switch rack1 address 02:00:00:00:02:01
        pw nic add node2 eth1 switch rack2 address 02:00:00:00:02:02
        pw nic add node3 eth0 address 02:00:00:00:03:01
        ip addr add 10.0.0.1/24 dev eth0
        pw on node2 ip addr add 10.0.0.2/24 dev eth0
        pw on node2 ip link set eth0 up
        pw on node3 ip netns add pod
        """;
    LabImport.Result imported = LabImport.fromScript(script, "three nodes");
    assertThat(imported.problems()).isEmpty();
    String json = codec.write(imported.document());
    assertThat(json).contains("\"underlay\" : [ \"rack1\", \"rack2\" ]");

    LabDocument read = codec.read(json.getBytes(StandardCharsets.UTF_8)).document();
    LabBuilder.Result built = LabBuilder.build(read);
    assertThat(built.problems()).isEmpty();
    assertThat(codec.write(WorldSnapshot.refresh(read, built.world()))).isEqualTo(json);
    assertThat(built.world().switches().get(1).ports())
        .extracting(nic -> nic.netns().host().name() + "/" + nic.name())
        .containsExactly("node2/eth1");
  }
}
