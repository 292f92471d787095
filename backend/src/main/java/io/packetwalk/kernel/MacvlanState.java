package io.packetwalk.kernel;

/** What a macvlan device knows beside its link settings: its lower device and its settings. */
public final class MacvlanState {

  private final NetDevice lower;
  private MacvlanSettings settings;

  MacvlanState(NetDevice lower, MacvlanSettings settings) {
    this.lower = lower;
    this.settings = settings;
  }

  /** The device it sends through and receives from (never itself a macvlan). */
  public NetDevice lower() {
    return lower;
  }

  public MacvlanSettings settings() {
    return settings;
  }

  public MacvlanMode mode() {
    return settings.mode();
  }

  void setMode(MacvlanMode mode) {
    this.settings = settings.withMode(mode);
  }

  /** The broadcast queue length the lower device uses: the largest any of its macvlans asks for. */
  public long usedBroadcastQueueLength() {
    long used = settings.broadcastQueueLength();
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Macvlan(MacvlanState sibling)) {
        used = Math.max(used, sibling.settings.broadcastQueueLength());
      }
    }
    return used;
  }
}
