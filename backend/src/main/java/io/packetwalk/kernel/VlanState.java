package io.packetwalk.kernel;

/**
 * What an 802.1Q VLAN device knows beside its link settings: its lower device, its VLAN id, the
 * REORDER_HDR flag, and whether its MAC still follows the lower device's (true until a MAC is set
 * on it by hand: the kernel's "stolen" address).
 */
public final class VlanState {

  /** The largest VLAN id a VLAN device may have (4095 is reserved). */
  public static final int MAX_ID = 4094;

  private final NetDevice lower;
  private final int id;
  private boolean reorderHeader = true;
  private boolean inheritsMac;

  VlanState(NetDevice lower, int id, boolean inheritsMac) {
    this.lower = lower;
    this.id = id;
    this.inheritsMac = inheritsMac;
  }

  /** The device the tagged frames really leave by and arrive on. */
  public NetDevice lower() {
    return lower;
  }

  public int id() {
    return id;
  }

  /** REORDER_HDR (on by default): the tag is moved out of the frame data on receive. */
  public boolean reorderHeader() {
    return reorderHeader;
  }

  void setReorderHeader(boolean on) {
    this.reorderHeader = on;
  }

  boolean inheritsMac() {
    return inheritsMac;
  }

  void stopInheritingMac() {
    this.inheritsMac = false;
  }
}
