package io.packetwalk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class VxlanStateTest {

  private static final long SECOND = 1_000_000_000L;
  private static final MacAddress A = MacAddress.parse("02:00:00:00:00:0a");
  private static final MacAddress B = MacAddress.parse("02:00:00:00:00:0b");
  private static final Ipv4Address ONE = Ipv4Address.parse("192.0.2.1");
  private static final Ipv4Address TWO = Ipv4Address.parse("192.0.2.2");

  private final NetNamespace root = World.withOneHost().defaultHost().root();

  private VxlanState vtep(boolean learning) {
    VxlanConfig config =
        new VxlanConfig(
            1, 8472, null, null, null, null, learning, false, false, false, 0, 0, 0, 300);
    NetDevice dev = root.addVxlan("vx0", config);
    return ((DeviceKind.Vxlan) dev.kind()).state();
  }

  private static List<MacAddress> macs(VxlanState state, long now) {
    return state.fdb(now).stream().map(VxlanFdbEntry::mac).toList();
  }

  @Test
  void entriesAreListedNewestFirstAndAChangedOneKeepsItsPlace() {
    VxlanState state = vtep(true);
    state.update(
        A, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);
    state.update(
        B, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);
    state.update(
        A, VxlanRemote.to(TWO, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.REPLACE, 0);

    assertThat(macs(state, 0)).containsExactly(B, A);
    assertThat(state.lookup(A, 0).orElseThrow().remotes())
        .extracting(VxlanRemote::address)
        .containsExactly(TWO);
  }

  @Test
  void addingAnExistingMacFailsAndAppendOnlyGrowsTheAllZerosEntry() {
    VxlanState state = vtep(true);
    state.update(
        A, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);
    assertThatThrownBy(() ->
            state.update(
                A,
                VxlanRemote.to(TWO, null),
                VxlanFdbEntry.State.PERMANENT,
                VxlanState.Update.ADD,
                0))
        .isInstanceOf(KernelException.class);
    state.update(
        A, VxlanRemote.to(TWO, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.APPEND, 0);
    state.update(
        MacAddress.ZERO,
        VxlanRemote.to(ONE, null),
        VxlanFdbEntry.State.PERMANENT,
        VxlanState.Update.APPEND,
        0);
    state.update(
        MacAddress.ZERO,
        VxlanRemote.to(TWO, null),
        VxlanFdbEntry.State.PERMANENT,
        VxlanState.Update.APPEND,
        0);

    assertThat(state.lookup(A, 0).orElseThrow().remotes()).hasSize(1);
    assertThat(state.lookup(MacAddress.ZERO, 0).orElseThrow().remotes())
        .extracting(VxlanRemote::address)
        .containsExactly(ONE, TWO);
  }

  @Test
  void learnedEntriesFollowAMoveAndAgeOutButPermanentOnesDropTheClaim() {
    VxlanState state = vtep(true);
    assertThat(state.snoop(A, ONE, 0)).isEqualTo(VxlanState.Snoop.LEARNED);
    assertThat(state.snoop(A, ONE, SECOND)).isEqualTo(VxlanState.Snoop.KNOWN);
    assertThat(state.snoop(A, TWO, 2 * SECOND)).isEqualTo(VxlanState.Snoop.LEARNED);
    assertThat(state.lookup(A, 2 * SECOND).orElseThrow().remotes().getFirst().address())
        .isEqualTo(TWO);
    assertThat(state.lookup(A, 302 * SECOND)).isEmpty();

    state.update(
        B, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);
    assertThat(state.snoop(B, TWO, 0)).isEqualTo(VxlanState.Snoop.STATIC_MISMATCH);
  }

  @Test
  void withoutLearningNothingIsLearnedAndNothingIsDropped() {
    VxlanState state = vtep(false);
    state.update(
        B, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);

    assertThat(state.snoop(A, ONE, 0)).isEqualTo(VxlanState.Snoop.KNOWN);
    assertThat(state.snoop(B, TWO, 0)).isEqualTo(VxlanState.Snoop.KNOWN);
    assertThat(macs(state, 0)).containsExactly(B);
  }

  @Test
  void deletingARemoteTheEntryDoesNotHaveChangesNothingButAnUnknownMacFails() {
    VxlanState state = vtep(true);
    state.update(
        A, VxlanRemote.to(ONE, null), VxlanFdbEntry.State.PERMANENT, VxlanState.Update.ADD, 0);

    state.delete(A, TWO, 0);
    assertThat(macs(state, 0)).containsExactly(A);
    state.delete(A, ONE, 0);
    assertThat(macs(state, 0)).isEmpty();
    assertThatThrownBy(() -> state.delete(B, null, 0)).isInstanceOf(KernelException.class);
  }
}
