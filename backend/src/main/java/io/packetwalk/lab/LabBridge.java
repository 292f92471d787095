package io.packetwalk.lab;

import io.packetwalk.kernel.BridgeState;

/**
 * A bridge's own settings: the FDB ageing time in centiseconds (as {@code ip -d link} prints it),
 * spanning tree on or off, and whether bridged IPv4 goes through iptables for this bridge ({@code
 * nf_call_iptables}).
 */
public record LabBridge(int ageingTime, boolean stp, boolean nfCallIptables) {

  /** A new bridge's settings. */
  public static final LabBridge DEFAULTS =
      new LabBridge(BridgeState.DEFAULT_AGEING_TIME_CS, false, false);

  /** The kernel's limits for ageing_time in centiseconds (10 s … 1,000,000 s, or 0 for never). */
  public static final int MAX_AGEING_TIME = 100_000_000;

  public LabBridge {
    if (ageingTime < 0 || ageingTime > MAX_AGEING_TIME) {
      throw new LabValueException(
          "ageingTime",
          ageingTime + " is not a valid ageing time (0 … " + MAX_AGEING_TIME + " centiseconds)");
    }
  }
}
