package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.VlanState;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;

/**
 * 802.1Q VLAN devices on the wire (net/8021q): what a VLAN device sends leaves its lower device
 * tagged with the VLAN id (vlan_dev_hard_start_xmit); a tagged frame arriving on a device goes,
 * without its tag, to the VLAN device of that id on it (vlan_do_receive, before any bridge or
 * macvlan handler sees it). A tagged frame no VLAN device takes is carried on as it is by a bridge
 * that does not filter VLANs, and is not for the host otherwise.
 */
final class Vlans {

  private final Engine engine;

  Vlans(Engine engine) {
    this.engine = engine;
  }

  /** vlan_dev_hard_start_xmit: tag the frame and send it out of the lower device. */
  void transmit(NetDevice dev, VlanState state, EthernetFrame frame, Cause cause) {
    NetDevice lower = state.lower();
    EthernetFrame tagged = frame.withVlan(VlanTag.of(state.id()));
    Cause down =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.STACKED_TX,
            dev.name()
                + " is VLAN "
                + state.id()
                + " on "
                + lower.name()
                + ": it puts an 802.1Q tag with VLAN id "
                + state.id()
                + " in the frame (4 bytes more) and sends it out of "
                + lower.name()
                + ".",
            tagged);
    engine.links.transmit(lower, tagged, down);
  }

  /**
   * vlan_do_receive on {@code dev}: true when the tagged frame was taken care of here (handed to
   * its VLAN device, or dropped), false when {@code dev} goes on with it (untagged, or a bridge
   * port carrying a VLAN it has no device for).
   */
  boolean receive(NetDevice dev, EthernetFrame frame, Cause cause) {
    VlanTag tag = frame.vlan();
    if (tag == null) {
      return false;
    }
    NetDevice vlan = vlanDevice(dev, tag.vid());
    if (vlan != null) {
      if (!vlan.isAdminUp()) {
        engine.drop(
            cause,
            Engine.at(dev),
            "The frame carries VLAN "
                + tag.vid()
                + ", whose VLAN device "
                + vlan.name()
                + " is down: dropped.",
            frame,
            Disposition.LINK_DOWN);
        return true;
      }
      EthernetFrame untagged = frame.withVlan(null);
      Cause handed =
          engine.step(
              cause,
              Engine.at(dev),
              StepKind.STACKED_RX,
              "The frame carries VLAN "
                  + tag.vid()
                  + ": "
                  + dev.name()
                  + " hands it to its VLAN device "
                  + Texts.name(vlan)
                  + ", without the tag.",
              untagged);
      engine.pipeline.receive(vlan, untagged, handed);
      return true;
    }
    if (dev.master() != null) {
      return false;
    }
    if (tag.vid() == 0) {
      engine.pipeline.deliverUp(dev, frame.withVlan(null), cause);
      return true;
    }
    engine.drop(
        cause,
        Engine.at(dev),
        dev.name()
            + " has no VLAN device for VLAN "
            + tag.vid()
            + ": the tagged frame is not for "
            + Texts.name(dev.netns())
            + " and is dropped.",
        frame,
        Disposition.NOT_FOR_US);
    return true;
  }

  private static NetDevice vlanDevice(NetDevice dev, int vid) {
    for (NetDevice upper : dev.uppers()) {
      if (upper.kind() instanceof DeviceKind.Vlan(VlanState state) && state.id() == vid) {
        return upper;
      }
    }
    return null;
  }
}
