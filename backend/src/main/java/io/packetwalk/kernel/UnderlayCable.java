package io.packetwalk.kernel;

/** The cable of a physical NIC: which underlay switch it is plugged into, if any. */
public final class UnderlayCable {

  private UnderlaySwitch plugged;

  public UnderlaySwitch plugged() {
    return plugged;
  }

  void plugInto(UnderlaySwitch target) {
    this.plugged = target;
  }

  public boolean isPlugged() {
    return plugged != null;
  }
}
