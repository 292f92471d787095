package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.MacvlanMode;
import io.packetwalk.kernel.MacvlanState;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The macvlan driver's two paths (drivers/net/macvlan.c). Sending ({@code macvlan_queue_xmit}): in
 * bridge mode a frame for a sibling's MAC is switched inside the kernel, and broadcasts reach the
 * bridge-mode siblings too; everything else leaves through the lower device, still from the
 * macvlan's own MAC. Receiving ({@code macvlan_handle_frame}, the lower device's receive handler):
 * a unicast frame goes to the macvlan that owns its destination MAC (every frame to a passthru
 * macvlan) and the lower device never sees it; a broadcast goes to the macvlans as well as to the
 * lower device. Nothing the lower device itself sends reaches its macvlans, and nothing a macvlan
 * sends reaches the lower device's own stack: the host and its macvlans cannot talk directly.
 */
final class Macvlans {

  /** Time for a frame switched between two macvlans inside the kernel. */
  static final long SWITCH_LATENCY_NS = 10_000;

  private final Engine engine;

  Macvlans(Engine engine) {
    this.engine = engine;
  }

  /** macvlan_queue_xmit: where a frame {@code dev} transmits goes next. */
  void transmit(NetDevice dev, MacvlanState state, EthernetFrame frame, Cause cause) {
    NetDevice lower = state.lower();
    MacvlanMode mode = state.mode();
    if (mode == MacvlanMode.BRIDGE) {
      if (frame.dst().isMulticast()) {
        for (NetDevice sibling : upMacvlans(lower)) {
          if (sibling != dev && modeOf(sibling) == MacvlanMode.BRIDGE) {
            Cause copy =
                engine.step(
                    cause,
                    Engine.at(dev),
                    StepKind.STACKED_TX,
                    dev.name()
                        + " is a macvlan in bridge mode: a copy of the broadcast goes straight to"
                        + " its sibling "
                        + Texts.name(sibling)
                        + " on "
                        + lower.name()
                        + ".",
                    frame);
            deliver(sibling, frame, copy);
          }
        }
      } else {
        NetDevice dest = owner(lower, frame.dst());
        if (dest != null && modeOf(dest) == MacvlanMode.BRIDGE) {
          Cause local =
              engine.step(
                  cause,
                  Engine.at(dev),
                  StepKind.STACKED_TX,
                  dev.name()
                      + " is a macvlan in bridge mode and "
                      + frame.dst()
                      + " belongs to its sibling "
                      + Texts.name(dest)
                      + ": the frame is switched inside the kernel and never touches "
                      + lower.name()
                      + ".",
                  frame);
          deliver(dest, frame, local);
          return;
        }
      }
    }
    Cause down =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.STACKED_TX,
            dev.name()
                + " is a macvlan in "
                + mode.word()
                + " mode on "
                + lower.name()
                + ": the frame leaves through "
                + lower.name()
                + ", still from "
                + dev.name()
                + "'s MAC "
                + frame.src()
                + why(mode, frame),
            frame);
    engine.links.transmit(lower, frame, down);
  }

  private static String why(MacvlanMode mode, EthernetFrame frame) {
    return switch (mode) {
      case BRIDGE ->
          frame.dst().isMulticast()
              ? "."
              : " (no sibling has that MAC; even the lower device's own MAC is outside: the host"
                  + " is reached only from the wire).";
      case VEPA -> " (VEPA: siblings meet only if the switch outside sends the frame back).";
      case PRIVATE -> " (private: siblings never meet).";
      case PASSTHRU -> ".";
    };
  }

  /**
   * macvlan_handle_frame on {@code lower}: hands the frame to the macvlans it is for. Returns true
   * when a macvlan took it (the lower device's own stack never sees it), false when the lower
   * device goes on with it (a broadcast, or a frame no macvlan owns).
   */
  boolean receive(NetDevice lower, EthernetFrame frame, Cause cause) {
    List<NetDevice> macvlans = macvlans(lower);
    if (macvlans.isEmpty()) {
      return false;
    }
    if (frame.dst().isMulticast()) {
      broadcast(lower, frame, cause);
      return false;
    }
    NetDevice passthru =
        macvlans.stream().filter(m -> modeOf(m) == MacvlanMode.PASSTHRU).findFirst().orElse(null);
    NetDevice dest = passthru != null ? passthru : owner(lower, frame.dst());
    if (dest == null) {
      return false;
    }
    if (!dest.isAdminUp()) {
      engine.drop(
          cause,
          Engine.at(lower),
          dest.name() + " takes over " + lower.name() + " (passthru) but is down: dropped.",
          frame,
          Disposition.LINK_DOWN);
      return true;
    }
    Cause handed =
        engine.step(
            cause,
            Engine.at(lower),
            StepKind.STACKED_RX,
            passthru != null
                ? lower.name()
                    + " hands every frame to its passthru macvlan "
                    + Texts.name(dest)
                    + "."
                : lower.name()
                    + "'s macvlan handler finds "
                    + frame.dst()
                    + " on its macvlan "
                    + Texts.name(dest)
                    + " and hands the frame to it; "
                    + lower.name()
                    + "'s own stack never sees it.",
            frame);
    engine.pipeline.receive(dest, frame, handed);
    return true;
  }

  /**
   * A broadcast that arrived on the lower device: copies go to the macvlans that are up (a frame
   * one of them sent, reflected by the switch outside, only to those that did not see it yet) while
   * the lower device keeps the original.
   */
  private void broadcast(NetDevice lower, EthernetFrame frame, Cause cause) {
    NetDevice src = owner(lower, frame.src());
    List<NetDevice> targets = new ArrayList<>();
    if (src != null && modeOf(src) != MacvlanMode.VEPA && modeOf(src) != MacvlanMode.BRIDGE) {
      targets.add(src);
    } else {
      for (NetDevice m : upMacvlans(lower)) {
        if (m == src) {
          continue;
        }
        MacvlanMode mode = modeOf(m);
        boolean reaches =
            src == null
                || (modeOf(src) == MacvlanMode.VEPA
                    ? mode == MacvlanMode.VEPA || mode == MacvlanMode.BRIDGE
                    : mode == MacvlanMode.VEPA);
        if (reaches) {
          targets.add(m);
        }
      }
    }
    for (NetDevice target : targets) {
      Cause copy =
          engine.step(
              cause,
              Engine.at(lower),
              StepKind.STACKED_RX,
              lower.name()
                  + "'s macvlan handler hands a copy of the broadcast to its macvlan "
                  + Texts.name(target)
                  + ".",
              frame);
      deliver(target, frame, copy);
    }
  }

  private void deliver(NetDevice target, EthernetFrame frame, Cause cause) {
    engine.frameAfter(
        SWITCH_LATENCY_NS,
        Engine.at(target),
        cause,
        () -> engine.pipeline.receive(target, frame, cause));
  }

  /** The macvlans on {@code lower}, in the order they were made. */
  private static List<NetDevice> macvlans(NetDevice lower) {
    List<NetDevice> found = new ArrayList<>();
    for (NetDevice upper : lower.uppers()) {
      if (upper.kind() instanceof DeviceKind.Macvlan) {
        found.add(upper);
      }
    }
    return found;
  }

  /** The macvlans that are up: only those are in the driver's address hash. */
  private static List<NetDevice> upMacvlans(NetDevice lower) {
    return macvlans(lower).stream().filter(NetDevice::isAdminUp).toList();
  }

  /** macvlan_hash_lookup: the macvlan on {@code lower} that is up with this MAC, if any. */
  private static NetDevice owner(NetDevice lower, MacAddress mac) {
    for (NetDevice m : upMacvlans(lower)) {
      if (m.mac().equals(mac)) {
        return m;
      }
    }
    return null;
  }

  private static MacvlanMode modeOf(NetDevice macvlan) {
    return ((DeviceKind.Macvlan) macvlan.kind()).state().mode();
  }
}
