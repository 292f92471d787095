package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

/** The tun driver's kernel side: carrier follows the attached queues, persist decides lifetime. */
class TunDeviceTest {

  private final NetNamespace root = World.withOneHost().defaultHost().root();

  private static TunConfig persistent(TunConfig.Mode mode, boolean multiQueue) {
    return new TunConfig(mode, -1, -1, false, false, multiQueue, false, true);
  }

  @Test
  void aPersistentTunUpWithoutReaderHasNoCarrierUntilAProcessAttaches() {
    NetDevice tun = root.addTun("tun0", persistent(TunConfig.Mode.TUN, false));
    root.setUp(tun, true);

    assertThat(tun.mac()).isEqualTo(MacAddress.ZERO);
    assertThat(tun.isNoArp()).isTrue();
    assertThat(tun.hasCarrier()).isFalse();
    assertThat(tun.operState()).isEqualTo(OperState.DOWN);
    assertThat(tun.inet6Addresses()).isEmpty();

    root.attachTun(tun, TunConfig.Mode.TUN);

    assertThat(tun.operState()).isEqualTo(OperState.UP);
    assertThat(tun.inet6Addresses())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.address()).startsWith("fe80::");
          assertThat(a.stablePrivacy()).isTrue();
        });

    root.detachTun(tun);

    assertThat(tun.operState()).isEqualTo(OperState.DOWN);
    assertThat(root.device("tun0")).contains(tun);
  }

  @Test
  void aDeviceAProcessMadeGoesWithItsLastDescriptor() {
    NetDevice made = root.addTun("flannel%d", TunConfig.transientDevice(TunConfig.Mode.TUN));
    assertThat(made.name()).isEqualTo("flannel0");
    root.attachTun(made, TunConfig.Mode.TUN);

    root.detachTun(made);

    assertThat(root.device("flannel0")).isEmpty();
  }

  @Test
  void attachingChecksModeAndQueues() {
    NetDevice tap = root.addTun("tap0", persistent(TunConfig.Mode.TAP, false));
    NetDevice multi = root.addTun("mq0", persistent(TunConfig.Mode.TUN, true));
    NetDevice veth = root.addVeth("v0", "v1", null).peerOf(root.requireDevice("v1"));

    assertThat(tap.isNoArp()).isFalse();
    assertThatThrownBy(() -> root.attachTun(tap, TunConfig.Mode.TUN))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    assertThatThrownBy(() -> root.attachTun(veth, TunConfig.Mode.TUN))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    root.attachTun(tap, TunConfig.Mode.TAP);
    assertThatThrownBy(() -> root.attachTun(tap, TunConfig.Mode.TAP))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
    root.attachTun(multi, TunConfig.Mode.TUN);
    root.attachTun(multi, TunConfig.Mode.TUN);
    assertThat(((DeviceKind.Tun) multi.kind()).state().queues()).isEqualTo(2);
  }

  @Test
  void deletingANameNobodyHasCreatesAndDestroysADeviceAndUsesAnIndex() {
    root.deleteTun("ghost", TunConfig.Mode.TUN);

    NetDevice next = root.addTun("tun0", persistent(TunConfig.Mode.TUN, false));

    assertThat(root.device("ghost")).isEmpty();
    assertThat(next.ifindex()).isEqualTo(3);
  }

  @Test
  void aTapLeavesRoomForItsEthernetHeaderInItsMaximumMtu() {
    NetDevice tap = root.addTun("tap0", persistent(TunConfig.Mode.TAP, false));
    root.setMtu(tap, 65521);
    assertThatThrownBy(() -> root.setMtu(tap, 65522))
        .hasMessageContaining("mtu greater than device maximum");
  }
}
