package io.packetwalk.kernel;

/**
 * The state a lower device keeps for all its ipvlans (struct ipvl_port): one mode and one isolation
 * flag for all of them, the latest {@code ip link add|set … type ipvlan} winning.
 */
public final class IpvlanPort {

  private IpvlanMode mode;
  private IpvlanIsolation isolation;

  IpvlanPort(IpvlanMode mode, IpvlanIsolation isolation) {
    this.mode = mode;
    this.isolation = isolation;
  }

  public IpvlanMode mode() {
    return mode;
  }

  public IpvlanIsolation isolation() {
    return isolation;
  }

  void set(IpvlanMode newMode, IpvlanIsolation newIsolation) {
    this.mode = newMode;
    this.isolation = newIsolation;
  }
}
