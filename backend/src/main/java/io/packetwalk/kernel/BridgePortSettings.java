package io.packetwalk.kernel;

/** Per-port bridge settings of an enslaved device ({@code bridge link}, {@code ip -d link}). */
public final class BridgePortSettings {

  private final int portNumber;
  private boolean hairpin;
  private boolean learning = true;
  private boolean flood = true;
  private int cost = 2;
  private final BridgeVlans vlans = new BridgeVlans();

  BridgePortSettings(int portNumber) {
    this.portNumber = portNumber;
  }

  /** The port's number on its bridge (port_no), 1 for the first port. */
  public int portNumber() {
    return portNumber;
  }

  public boolean hairpin() {
    return hairpin;
  }

  public void setHairpin(boolean hairpin) {
    this.hairpin = hairpin;
  }

  public boolean learning() {
    return learning;
  }

  public void setLearning(boolean learning) {
    this.learning = learning;
  }

  public boolean flood() {
    return flood;
  }

  public void setFlood(boolean flood) {
    this.flood = flood;
  }

  /** The port's VLANs ({@code bridge vlan}); used only while its bridge filters VLANs. */
  public BridgeVlans vlans() {
    return vlans;
  }

  public int cost() {
    return cost;
  }

  public void setCost(int cost) {
    this.cost = cost;
  }
}
