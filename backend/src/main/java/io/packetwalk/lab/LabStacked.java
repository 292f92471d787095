package io.packetwalk.lab;

/**
 * What a stacked device (a macvlan) sits on: its lower device, named by namespace ({@code ""} for
 * the root) and device name, and how it shares it (the macvlan mode: private, vepa, bridge or
 * passthru).
 */
public record LabStacked(LabPeer lower, String mode) {

  public LabStacked {
    if (lower == null) {
      throw new LabValueException("lower", "is required (netns and device)");
    }
    if (mode == null) {
      throw new LabValueException("mode", "is required");
    }
  }
}
