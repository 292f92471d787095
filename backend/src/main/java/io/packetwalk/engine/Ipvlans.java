package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.IpvlanIsolation;
import io.packetwalk.kernel.IpvlanPort;
import io.packetwalk.kernel.IpvlanState;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The ipvlan driver's two paths (drivers/net/ipvlan), modelled from its source (no ipvlan module on
 * the oracle machine). All ipvlans share their lower device's MAC, so frames are handed out by IP
 * address: on receive ({@code ipvlan_handle_frame}) a frame whose destination IP (an ARP request's
 * target) belongs to an ipvlan goes to it, broadcasts from outside reach every ipvlan in l2 mode;
 * on transmit ({@code ipvlan_queue_xmit}) a packet for a sibling's address stays inside the kernel
 * (unless the flag is private or vepa), and otherwise leaves: in l2 mode through the lower device
 * as a frame, in l3 mode routed anew in the lower device's namespace.
 */
final class Ipvlans {

  /** Time for a frame handed between two ipvlans inside the kernel. */
  static final long SWITCH_LATENCY_NS = 10_000;

  private final Engine engine;

  Ipvlans(Engine engine) {
    this.engine = engine;
  }

  /** ipvlan_queue_xmit: where a frame {@code dev} transmits goes next. */
  void transmit(NetDevice dev, IpvlanState state, EthernetFrame frame, Cause cause) {
    NetDevice lower = state.lower();
    IpvlanPort port = state.port();
    boolean l2 = !port.mode().noArp();
    boolean toOwnMac = frame.dst().equals(frame.src());
    if ((!l2 || toOwnMac) && port.isolation() != IpvlanIsolation.VEPA) {
      NetDevice sibling = owner(lower, destination(frame));
      if (sibling != null) {
        if (port.isolation() == IpvlanIsolation.PRIVATE) {
          engine.drop(
              cause,
              Engine.at(dev),
              destination(frame)
                  + " belongs to the ipvlan "
                  + Texts.name(sibling)
                  + ", but the ipvlans of "
                  + lower.name()
                  + " are private: they never reach each other.",
              frame,
              Disposition.DEVICE_DISCARD);
          return;
        }
        Cause local =
            engine.step(
                cause,
                Engine.at(dev),
                StepKind.STACKED_TX,
                destination(frame)
                    + " belongs to the ipvlan "
                    + Texts.name(sibling)
                    + " on the same lower device: the packet is handed over inside the kernel.",
                frame);
        deliver(sibling, frame, local);
        return;
      }
    }
    if (l2) {
      transmitL2(dev, lower, port, frame, toOwnMac, cause);
    } else {
      routeOut(dev, lower, frame, cause);
    }
  }

  private void transmitL2(
      NetDevice dev,
      NetDevice lower,
      IpvlanPort port,
      EthernetFrame frame,
      boolean toOwnMac,
      Cause cause) {
    if (toOwnMac && port.isolation() != IpvlanIsolation.VEPA) {
      Cause up =
          engine.step(
              cause,
              Engine.at(dev),
              StepKind.STACKED_TX,
              "The frame is for the MAC "
                  + dev.name()
                  + " shares with "
                  + lower.name()
                  + " and no ipvlan has "
                  + destination(frame)
                  + ": it is handed to "
                  + lower.name()
                  + "'s own stack.",
              frame);
      deliver(lower, frame, up);
      return;
    }
    if (frame.dst().isMulticast() && port.isolation() == IpvlanIsolation.BRIDGE) {
      for (NetDevice sibling : upIpvlans(lower)) {
        if (sibling != dev) {
          Cause copy =
              engine.step(
                  cause,
                  Engine.at(dev),
                  StepKind.STACKED_TX,
                  "A copy of the broadcast goes to the ipvlan " + Texts.name(sibling) + ".",
                  frame);
          deliver(sibling, frame, copy);
        }
      }
    }
    Cause down =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.STACKED_TX,
            dev.name()
                + " is an ipvlan in l2 mode: the frame leaves through "
                + lower.name()
                + ", from the MAC they share.",
            frame);
    engine.links.transmit(lower, frame, down);
  }

  /**
   * ipvlan_process_v4_outbound: l3 mode routes the packet again in the lower device's namespace.
   */
  private void routeOut(NetDevice dev, NetDevice lower, EthernetFrame frame, Cause cause) {
    if (!(frame.payload() instanceof Ipv4Packet packet) || frame.dst().isMulticast()) {
      engine.drop(
          cause,
          Engine.at(dev),
          dev.name() + " is an ipvlan in l3 mode: broadcasts and non-IP frames are dropped.",
          frame,
          Disposition.DEVICE_DISCARD);
      return;
    }
    OutputRouting.Decision route =
        engine.outputRouting.decide(lower.netns(), packet.dst(), packet.src(), lower);
    if (!route.canSend()) {
      engine.drop(
          cause,
          Engine.at(dev),
          dev.name()
              + " is an ipvlan in l3 mode and routes the packet in "
              + Texts.name(lower.netns())
              + " out of "
              + lower.name()
              + ", which fails: "
              + route.why()
              + ".",
          packet,
          Disposition.NO_ROUTE);
      return;
    }
    Cause routed =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.STACKED_TX,
            dev.name()
                + " is an ipvlan in l3 mode: the packet is routed again in "
                + Texts.name(lower.netns())
                + " and leaves through "
                + lower.name()
                + ".",
            packet);
    engine.pipeline.sendLocal(route, packet, routed);
  }

  /**
   * ipvlan_handle_frame on {@code lower}: true when an ipvlan took the frame, false when the lower
   * device goes on with it (broadcasts, which l2 ipvlans get copies of, and frames for no ipvlan).
   */
  boolean receive(NetDevice lower, EthernetFrame frame, Cause cause) {
    IpvlanPort port = port(lower);
    if (port == null) {
      return false;
    }
    if (frame.dst().isMulticast() && !port.mode().noArp()) {
      if (!frame.src().equals(lower.mac())) {
        for (NetDevice target : upIpvlans(lower)) {
          Cause copy =
              engine.step(
                  cause,
                  Engine.at(lower),
                  StepKind.STACKED_RX,
                  lower.name()
                      + " hands a copy of the broadcast to its ipvlan "
                      + Texts.name(target)
                      + ".",
                  frame);
          deliver(target, frame, copy);
        }
      }
      return false;
    }
    NetDevice target = owner(lower, destination(frame));
    if (target == null) {
      return false;
    }
    if (port.mode().noArp() && frame.payload() instanceof ArpPacket) {
      engine.drop(
          cause,
          Engine.at(lower),
          "The ARP request is for "
              + Texts.name(target)
              + ", an ipvlan in l3 mode, which does no ARP (NOARP): nobody answers it.",
          frame,
          Disposition.NOT_FOR_US);
      return true;
    }
    Cause handed =
        engine.step(
            cause,
            Engine.at(lower),
            StepKind.STACKED_RX,
            lower.name()
                + "'s ipvlan handler finds "
                + destination(frame)
                + " on its ipvlan "
                + Texts.name(target)
                + " and hands the frame to it.",
            frame);
    engine.pipeline.receive(target, frame, handed);
    return true;
  }

  private void deliver(NetDevice target, EthernetFrame frame, Cause cause) {
    engine.frameAfter(
        SWITCH_LATENCY_NS,
        Engine.at(target),
        cause,
        () -> engine.pipeline.receive(target, frame, cause));
  }

  /** The IP a frame is for: an IPv4 packet's destination, an ARP packet's target. */
  private static Ipv4Address destination(EthernetFrame frame) {
    return switch (frame.payload()) {
      case Ipv4Packet packet -> packet.dst();
      case ArpPacket arp -> arp.targetIp();
    };
  }

  private static IpvlanPort port(NetDevice lower) {
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Ipvlan(IpvlanState state)) {
        return state.port();
      }
    }
    return null;
  }

  private static List<NetDevice> upIpvlans(NetDevice lower) {
    List<NetDevice> found = new ArrayList<>();
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Ipvlan && upper.isAdminUp()) {
        found.add(upper);
      }
    }
    return found;
  }

  /** ipvlan_addr_lookup: the ipvlan that is up with this address, if any. */
  private static NetDevice owner(NetDevice lower, Ipv4Address address) {
    for (NetDevice upper : upIpvlans(lower)) {
      for (InterfaceAddress a : upper.addresses()) {
        if (a.local().equals(address)) {
          return upper;
        }
      }
    }
    return null;
  }
}
