package io.packetwalk.lab;

/**
 * What a stacked device (macvlan, vlan, ipvlan) sits on: its lower device, named by namespace
 * ({@code ""} for the root) and device name; a macvlan's mode (private, vepa, bridge or passthru),
 * a VLAN device's id (0–4094), or an ipvlan's mode (l2, l3, l3s) and flag (bridge, private, vepa).
 * Which of them a kind needs is checked by {@link LabDevice}.
 */
public record LabStacked(LabPeer lower, String mode, Integer vlanId, String flag) {

  public LabStacked {
    if (lower == null) {
      throw new LabValueException("lower", "is required (netns and device)");
    }
    if (vlanId != null && (vlanId < 0 || vlanId > 4094)) {
      throw new LabValueException("vlanId", vlanId + " is not a VLAN id (0–4094)");
    }
  }
}
