package io.packetwalk.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A plain learning Ethernet switch joining the physical NICs of simulated hosts. */
public final class UnderlaySwitch {

  private final String name;
  private final List<NetDevice> ports = new ArrayList<>();

  public UnderlaySwitch(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public List<NetDevice> ports() {
    return Collections.unmodifiableList(ports);
  }

  /** Plugs a physical NIC's cable into this switch. */
  public void plug(NetDevice nic) {
    if (!(nic.kind() instanceof DeviceKind.Physical physical)) {
      throw new IllegalArgumentException(nic.name() + " is not a physical NIC");
    }
    physical.cable().plugInto(this);
    ports.add(nic);
    nic.linkChanged();
  }

  /** Pulls a NIC's cable out of this switch. */
  public void unplug(NetDevice nic) {
    ports.remove(nic);
    if (nic.kind() instanceof DeviceKind.Physical physical) {
      physical.cable().plugInto(null);
    }
    nic.linkChanged();
  }
}
