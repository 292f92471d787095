package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device transmit and what lies beyond it: the veth wire to the peer, loopback, the bridge's own
 * transmit, a dummy's bit bucket, the underlay switch between physical NICs, and the process
 * reading a TUN/TAP device. Every crossing takes {@link #WIRE_LATENCY_NS} of virtual time, loopback
 * {@link #LOOPBACK_LATENCY_NS}.
 */
final class Links {

  /** Time for a frame to reach the other end of a veth pair or an underlay cable. */
  static final long WIRE_LATENCY_NS = 20_000;

  /** Time for a packet to come back in on {@code lo}. */
  static final long LOOPBACK_LATENCY_NS = 10_000;

  private final Engine engine;
  private final Map<UnderlaySwitch, Map<MacAddress, NetDevice>> switchTables =
      new IdentityHashMap<>();

  Links(Engine engine) {
    this.engine = engine;
  }

  /**
   * dev_queue_xmit: {@code dev} sends {@code frame}. A device that is down or has no carrier drops
   * it (counted as tx_dropped), as the kernel's noop qdisc does.
   */
  void transmit(NetDevice dev, EthernetFrame frame, Cause cause) {
    transmit(dev, frame, null, cause);
  }

  /**
   * As {@link #transmit(NetDevice, EthernetFrame, Cause)}; {@code lo} hands {@code skb} back up.
   */
  void transmit(NetDevice dev, EthernetFrame frame, Skb skb, Cause cause) {
    if (!dev.isRunning()) {
      dev.counters().droppedOnTransmit();
      engine.drop(cause, Engine.at(dev), whyNotRunning(dev), frame, Disposition.LINK_DOWN);
      return;
    }
    if (!(dev.kind() instanceof DeviceKind.Vxlan)) {
      // a VTEP counts what it wraps itself: the inner packet, once per remote it reaches
      dev.counters().transmitted(TunDriver.countedLength(dev, frame));
    }
    if (!dev.isLoopback()) {
      engine.captures.record(engine.now(), dev, Direction.OUT, frame);
    }
    Cause sent =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.DEVICE_TX,
            Texts.name(dev)
                + " transmits the frame ("
                + frame.length()
                + " bytes, to "
                + to(frame)
                + ").",
            frame);
    switch (dev.kind()) {
      case DeviceKind.Loopback lo ->
          engine.frameAfter(
              LOOPBACK_LATENCY_NS,
              Engine.at(dev),
              sent,
              () -> engine.pipeline.receive(dev, frame, skb, sent));
      case DeviceKind.Veth veth -> crossVeth(dev, veth.pair().peerOf(dev), frame, sent);
      case DeviceKind.Bridge bridge -> engine.bridging.transmitFromHost(dev, frame, sent);
      case DeviceKind.Dummy dummy ->
          engine.drop(
              sent,
              Engine.at(dev),
              dev.name() + " is a dummy device: whatever it transmits simply disappears.",
              frame,
              Disposition.DEVICE_DISCARD);
      case DeviceKind.Physical nic -> crossUnderlay(dev, nic.cable().plugged(), frame, sent);
      case DeviceKind.Vxlan vxlan -> engine.vxlan.transmit(dev, vxlan.state(), frame, sent);
      case DeviceKind.Macvlan macvlan ->
          engine.macvlans.transmit(dev, macvlan.state(), frame, sent);
      case DeviceKind.Vlan vlan -> engine.vlans.transmit(dev, vlan.state(), frame, sent);
      case DeviceKind.Ipvlan ipvlan -> engine.ipvlans.transmit(dev, ipvlan.state(), frame, sent);
      case DeviceKind.Tun tun -> engine.tun.transmit(dev, tun.state(), frame, sent);
    }
  }

  /** The sentence for a frame a device that is not running drops. */
  private static String whyNotRunning(NetDevice dev) {
    if (!dev.isAdminUp()) {
      return Texts.name(dev) + " is down, so the frame is dropped and counted as a transmit drop.";
    }
    if (dev.kind() instanceof DeviceKind.Tun) {
      return TunDriver.noReader(dev);
    }
    return Texts.name(dev)
        + " has no carrier (NO-CARRIER"
        + (dev.vethPeer() != null ? ": its veth peer is down" : "")
        + "), so the frame is dropped and counted as a transmit drop.";
  }

  private void crossVeth(NetDevice from, NetDevice peer, EthernetFrame frame, Cause cause) {
    Cause wire =
        engine.step(
            cause,
            Engine.at(from),
            StepKind.WIRE,
            "The frame crosses the veth pair: what "
                + Texts.name(from)
                + " sends, "
                + Texts.name(peer)
                + " receives.",
            frame);
    engine.frameAfter(
        WIRE_LATENCY_NS, Engine.at(peer), wire, () -> engine.pipeline.receive(peer, frame, wire));
  }

  /** A plain learning switch: learn the source port, forward to a known port or flood. */
  private void crossUnderlay(
      NetDevice from, UnderlaySwitch underlay, EthernetFrame frame, Cause cause) {
    Map<MacAddress, NetDevice> table =
        switchTables.computeIfAbsent(underlay, s -> new LinkedHashMap<>());
    if (!frame.src().isMulticast()) {
      table.put(frame.src(), from);
    }
    NetDevice known = frame.dst().isMulticast() ? null : table.get(frame.dst());
    List<NetDevice> targets = new ArrayList<>();
    if (known != null && underlay.ports().contains(known)) {
      if (known != from) {
        targets.add(known);
      }
    } else {
      underlay.ports().stream().filter(p -> p != from).forEach(targets::add);
    }
    if (targets.isEmpty()) {
      engine.drop(
          cause,
          Engine.at(from),
          "The underlay switch " + underlay.name() + " has no other port to send the frame to.",
          frame,
          Disposition.NOT_FOR_US);
      return;
    }
    for (NetDevice target : targets) {
      Cause wire =
          engine.step(
              cause,
              Engine.at(from),
              StepKind.WIRE,
              "The underlay switch "
                  + underlay.name()
                  + (known != null ? " forwards" : " floods")
                  + " the frame from "
                  + from.netns().host().name()
                  + "'s "
                  + from.name()
                  + " to "
                  + target.netns().host().name()
                  + "'s "
                  + target.name()
                  + ".",
              frame);
      engine.frameAfter(
          WIRE_LATENCY_NS,
          Engine.at(target),
          wire,
          () -> engine.pipeline.receive(target, frame, wire));
    }
  }

  private static String to(EthernetFrame frame) {
    return frame.dst().isBroadcast() ? "everyone: ff:ff:ff:ff:ff:ff" : frame.dst().toString();
  }
}
