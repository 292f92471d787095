package io.packetwalk.lab;

import java.util.List;

/**
 * A bridge port's settings ({@code bridge link set dev PORT …}): hairpin (send frames back out the
 * port they came in on), MAC learning, unknown-unicast flooding, the STP path cost and, on a host
 * whose kernel has bridge VLAN filtering, the port's VLANs ({@code bridge vlan}; empty elsewhere).
 */
public record LabPort(
    boolean hairpin, boolean learning, boolean flood, int cost, List<LabVlan> vlans) {

  /** A new port's settings (without VLANs). */
  public static final LabPort DEFAULTS = new LabPort(false, true, true, 2);

  /** A port without VLANs. */
  public LabPort(boolean hairpin, boolean learning, boolean flood, int cost) {
    this(hairpin, learning, flood, cost, List.of());
  }

  public LabPort {
    vlans = LabVlans.check("vlans", vlans);
    if (cost < 1 || cost > 65535) {
      throw new LabValueException("cost", cost + " is not a valid path cost (1 … 65535)");
    }
  }
}
