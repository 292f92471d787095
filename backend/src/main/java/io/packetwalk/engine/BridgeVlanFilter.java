package io.packetwalk.engine;

import io.packetwalk.kernel.BridgeVlans;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.Optional;

/**
 * The VLAN side of a bridge with {@code vlan_filtering 1} (net/bridge/br_vlan.c): on the way in
 * (br_allowed_ingress) a frame joins the VLAN of its 802.1Q tag, which the port must be a member
 * of, or, untagged, the port's PVID; on the way out (br_allowed_egress, br_handle_vlan) only member
 * ports get it, untagged where the VLAN is "Egress Untagged" and tagged elsewhere. The bridge
 * device itself is a port of its own VLANs ({@code self}) both for what its stack sends and for
 * what goes up to it. A bridge that does not filter puts every frame in VLAN 0 and leaves tags
 * alone.
 */
final class BridgeVlanFilter {

  private final Engine engine;

  BridgeVlanFilter(Engine engine) {
    this.engine = engine;
  }

  /** A frame taken in by the bridge, the VLAN it travels in (0 without filtering), its step. */
  record Admitted(EthernetFrame frame, int vid, Cause cause) {}

  static boolean filters(NetDevice bridge) {
    return bridge.bridge().vlanFiltering();
  }

  /**
   * br_allowed_ingress() for a frame arriving on {@code port}, or sent by the bridge's own stack
   * when {@code port} is the bridge; empty after a drop step when the VLAN is not allowed there.
   */
  Optional<Admitted> ingress(NetDevice bridge, NetDevice port, EthernetFrame frame, Cause cause) {
    if (!filters(bridge)) {
      return Optional.of(new Admitted(frame, 0, cause));
    }
    BridgeVlans vlans = vlans(bridge, port);
    String where = port == bridge ? bridge.name() + " itself" : port.name();
    VlanTag tag = frame.vlan();
    if (tag == null || tag.vid() == 0) {
      int pvid = vlans.pvid();
      String what = tag == null ? "untagged frame" : "priority-tagged frame (VLAN 0)";
      if (pvid == 0) {
        engine.drop(
            cause,
            Engine.at(bridge),
            bridge.name()
                + " filters VLANs and "
                + where
                + " has no PVID, so the "
                + what
                + " belongs to no VLAN and is dropped.",
            frame,
            Disposition.BRIDGE_VLAN_FILTERED);
        return Optional.empty();
      }
      Cause joined =
          engine.step(
              cause,
              Engine.at(bridge),
              StepKind.BRIDGE_VLAN,
              bridge.name()
                  + " filters VLANs: the "
                  + what
                  + (port == bridge ? " from its own stack" : " from " + port.name())
                  + " joins VLAN "
                  + pvid
                  + ", the PVID of "
                  + where
                  + ".",
              frame);
      return Optional.of(new Admitted(frame.withVlan(null), pvid, joined));
    }
    int vid = tag.vid();
    if (!vlans.has(vid)) {
      engine.drop(
          cause,
          Engine.at(bridge),
          bridge.name()
              + " filters VLANs and the frame is tagged for VLAN "
              + vid
              + ", which "
              + where
              + " is not a member of: dropped.",
          frame,
          Disposition.BRIDGE_VLAN_FILTERED);
      return Optional.empty();
    }
    Cause kept =
        engine.step(
            cause,
            Engine.at(bridge),
            StepKind.BRIDGE_VLAN,
            bridge.name()
                + " filters VLANs: the frame is tagged for VLAN "
                + vid
                + " and "
                + where
                + " is a member of VLAN "
                + vid
                + ", so it is let in.",
            frame);
    return Optional.of(new Admitted(frame.withVlan(null), vid, kept));
  }

  /**
   * br_allowed_egress(): whether {@code out} (a port, or the bridge itself) carries {@code vid}.
   */
  static boolean allowed(NetDevice bridge, NetDevice out, int vid) {
    return !filters(bridge) || vlans(bridge, out).has(vid);
  }

  /**
   * br_handle_vlan(): the frame as it leaves toward {@code out}; untagged where the VLAN is "Egress
   * Untagged" there, tagged with the VLAN id otherwise. Unchanged without filtering.
   */
  static EthernetFrame leaving(NetDevice bridge, NetDevice out, EthernetFrame frame, int vid) {
    if (!filters(bridge)) {
      return frame;
    }
    return vlans(bridge, out).untagged(vid)
        ? frame.withVlan(null)
        : frame.withVlan(VlanTag.of(vid));
  }

  /**
   * How the frame leaves toward {@code out} (a bridge that filters): "untagged" or "with an 802.1Q
   * tag for VLAN N".
   */
  static String how(NetDevice bridge, NetDevice out, int vid) {
    return vlans(bridge, out).untagged(vid) ? "untagged" : "with an 802.1Q tag for VLAN " + vid;
  }

  /** " in VLAN N" when the bridge filters VLANs, for sentences; empty otherwise. */
  static String in(NetDevice bridge, int vid) {
    return filters(bridge) ? " in VLAN " + vid : "";
  }

  private static BridgeVlans vlans(NetDevice bridge, NetDevice dev) {
    return dev == bridge ? bridge.bridge().vlans() : dev.portSettings().vlans();
  }
}
