package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.MacAddress;
import io.packetwalk.store.LabDocumentCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TUN and TAP devices in lab documents: snapshot, JSON, script and rebuild keep them. */
class TunLabTest {

  private static final String SCRIPT =
      """
      ip netns add node
      ip netns exec node ip tuntap add dev flannel0 mode tun
      ip netns exec node ip tuntap add dev tap7 mode tap user 4242 group 4243 pi multi_queue
      ip netns exec node ip link set flannel0 mtu 1472
      ip netns exec node ip addr add 10.244.1.0/16 dev flannel0
      ip netns exec node ip link set flannel0 up
      """;

  @Test
  void aTunAndATapSurviveSnapshotJsonScriptAndRebuild() {
    LabDocument document = WorldSnapshot.document(LabScripts.run(SCRIPT), "tun");
    LabDocumentCodec codec = new LabDocumentCodec();
    LabDocument read =
        codec.read(codec.write(document).getBytes(StandardCharsets.UTF_8)).document();
    assertThat(read).isEqualTo(document);

    LabBuilder.Result built = LabBuilder.build(read);

    assertThat(built.problems()).isEmpty();
    assertThat(WorldSnapshot.refresh(document, built.world())).isEqualTo(document);
    List<LabDevice> devices = document.hosts().get(0).namespaces().get(1).devices();
    LabDevice flannel0 = devices.get(1);
    assertThat(flannel0.kind()).isEqualTo(LabDeviceKind.TUN);
    assertThat(flannel0.mac()).isEqualTo(MacAddress.ZERO);
    assertThat(flannel0.tun()).isEqualTo(new LabTun("tun", -1, -1, false, false, false, false));
    assertThat(devices.get(2).tun())
        .isEqualTo(new LabTun("tap", 4242, 4243, true, false, true, false));
    assertThat(LabScript.of(document).text())
        .contains("ip tuntap add dev flannel0 mode tun\n")
        .contains("ip tuntap add dev tap7 mode tap user 4242 group 4243 pi multi_queue\n")
        .doesNotContain("flannel0 address");
  }

  @Test
  void aTunDeviceNeedsItsSettingsAndNoMac() {
    assertThatThrownBy(() -> device(LabDeviceKind.TUN, MacAddress.ZERO, null))
        .isInstanceOf(LabValueException.class)
        .hasMessageContaining("needs its settings");
    LabTun tun = new LabTun("tun", -1, -1, false, false, false, false);
    assertThatThrownBy(() -> device(LabDeviceKind.TUN, MacAddress.parse("02:00:00:00:00:01"), tun))
        .isInstanceOf(LabValueException.class)
        .hasMessageContaining("a TUN device has no MAC");
    assertThatThrownBy(() -> new LabTun("tan", -1, -1, false, false, false, false))
        .isInstanceOf(LabValueException.class)
        .hasMessageContaining("not a TUN/TAP mode");
  }

  private static LabDevice device(LabDeviceKind kind, MacAddress mac, LabTun tun) {
    return new LabDevice(
        "tun0", kind, 2, mac, 1500, false, null, null, null, null, null, null, tun, List.of(),
        null);
  }
}
