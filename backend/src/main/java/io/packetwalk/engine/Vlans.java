package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.VlanState;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.trace.Disposition;

/**
 * The 802.1Q VLAN device's transmit path (vlan_dev_hard_start_xmit): the frame is to leave through
 * the lower device tagged with the VLAN id. Frames here carry no 802.1Q tag yet, so a VLAN device
 * cannot put one on the wire: what it sends ends here, with a sentence that says so, rather than
 * leaving untagged as if it were another device.
 */
final class Vlans {

  private final Engine engine;

  Vlans(Engine engine) {
    this.engine = engine;
  }

  void transmit(NetDevice dev, VlanState state, EthernetFrame frame, Cause cause) {
    engine.drop(
        cause,
        Engine.at(dev),
        dev.name()
            + " would tag the frame with VLAN "
            + state.id()
            + " and send it out of "
            + state.lower().name()
            + ", but Packetwalk does not carry 802.1Q tags on frames yet: the frame ends here.",
        frame,
        Disposition.DEVICE_DISCARD);
  }
}
