package io.packetwalk.lab;

/**
 * A bridge port's settings ({@code bridge link set dev PORT …}): hairpin (send frames back out the
 * port they came in on), MAC learning, unknown-unicast flooding and the STP path cost.
 */
public record LabPort(boolean hairpin, boolean learning, boolean flood, int cost) {

  /** A new port's settings. */
  public static final LabPort DEFAULTS = new LabPort(false, true, true, 2);

  public LabPort {
    if (cost < 1 || cost > 65535) {
      throw new LabValueException("cost", cost + " is not a valid path cost (1 … 65535)");
    }
  }
}
