package io.packetwalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.WorldSnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example in docs/lab-format.md is a lab that builds, and reads back as itself. */
class ExampleLabTest {

  private final LabDocumentCodec codec = new LabDocumentCodec();

  @Test
  void buildsTheExampleIntoAWorldThatReadsBackAsTheSameJson() {
    String json = LabDocumentCodecTest.resource("two-pods-on-a-bridge.json");
    LabDocument lab = codec.read(json.getBytes(StandardCharsets.UTF_8)).document();
    LabBuilder.Result built = LabBuilder.build(lab);
    assertThat(built.problems()).isEmpty();
    LabDocument again = WorldSnapshot.refresh(lab, built.world());
    assertThat(codec.write(again)).isEqualTo(codec.write(lab));
  }
}
