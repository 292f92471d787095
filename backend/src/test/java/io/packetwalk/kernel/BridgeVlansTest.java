package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A VLAN group's flags as __vlan_add() and __vlan_flags_update() set them. */
class BridgeVlansTest {

  private final BridgeVlans vlans = new BridgeVlans();

  @Test
  void aNewPvidMovesItAwayFromTheOldOne() {
    vlans.add(1, true, true);
    vlans.add(10, true, false);

    assertThat(vlans.pvid()).isEqualTo(10);
    assertThat(vlans.vids()).containsExactly(1, 10);
    assertThat(vlans.untagged(1)).isTrue();
    assertThat(vlans.isDefaultPvid(1)).isFalse();
  }

  @Test
  void addingAVlanAgainReplacesItsFlagsSoWithoutPvidItLosesThePvid() {
    assertThat(vlans.add(1, true, true)).isTrue();

    assertThat(vlans.add(1, false, false)).isFalse();

    assertThat(vlans.pvid()).isZero();
    assertThat(vlans.untagged(1)).isFalse();
  }

  @Test
  void deletingThePvidLeavesNone() {
    vlans.add(5, true, true);
    assertThat(vlans.isDefaultPvid(5)).isTrue();

    assertThat(vlans.delete(5)).isTrue();
    assertThat(vlans.delete(5)).isFalse();

    assertThat(vlans.pvid()).isZero();
    assertThat(vlans.isEmpty()).isTrue();
  }
}
