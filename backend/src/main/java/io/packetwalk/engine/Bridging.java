package io.packetwalk.engine;

import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Linux bridge (br_handle_frame, br_dev_xmit): learning, local delivery to the bridge's own
 * MAC, forwarding to a known port, flooding of broadcasts and unknown destinations, the hairpin
 * rule, and FDB ageing. STP is off, as by default: nothing stops a loop but the event budget.
 *
 * <p>With br_netfilter ({@code net.bridge.bridge-nf-call-iptables=1}, the default where the module
 * is loaded, or the bridge's own {@code nf_call_iptables}) a bridged IPv4 packet also walks the
 * IPv4 PREROUTING, FORWARD and POSTROUTING hooks, where {@code -i}/{@code -o} see the bridge and
 * {@code -m physdev} the ports; a DNAT there that sends the packet elsewhere hands it to routing.
 */
final class Bridging {

  private final Engine engine;
  private final BridgeVlanFilter vlanFilter;

  Bridging(Engine engine) {
    this.engine = engine;
    this.vlanFilter = new BridgeVlanFilter(engine);
  }

  /** A frame arrives on {@code port}, a device enslaved to a bridge. */
  void portReceive(NetDevice port, EthernetFrame frame, Cause cause) {
    NetDevice bridge = port.master();
    if (!port.isForwardingPort()) {
      engine.drop(
          cause,
          Engine.at(bridge),
          bridge.isAdminUp()
              ? port.name() + " is not forwarding, so " + bridge.name() + " drops the frame."
              : bridge.name()
                  + " is down, so its port "
                  + port.name()
                  + " is disabled and drops the frame.",
          frame,
          Disposition.LINK_DOWN);
      return;
    }
    Optional<BridgeVlanFilter.Admitted> admitted = vlanFilter.ingress(bridge, port, frame, cause);
    if (admitted.isEmpty()) {
      return;
    }
    frame = admitted.get().frame();
    int vid = admitted.get().vid();
    Cause learned = learn(bridge, port, frame, vid, forget(bridge, frame, admitted.get().cause()));
    Skb skb = null;
    if (frame.payload() instanceof Ipv4Packet ip && callsIptables(bridge)) {
      skb = Skb.received(ip, bridge);
      skb.setPhysDevices(port, null);
      skb.markBridgeNetfilterDone();
      NetfilterHooks.Passage pre =
          engine.netfilter.run(Hook.PREROUTING, bridge.netns(), skb, learned);
      if (!pre.accepted()) {
        return;
      }
      learned = pre.cause();
      Ipv4Packet after = skb.packet();
      if (!after.equals(ip)) {
        frame = new EthernetFrame(frame.src(), frame.dst(), after);
      }
      if (!after.dst().equals(ip.dst())) {
        Optional<EthernetFrame> bridged = bridgedDnat(bridge, frame, after);
        if (bridged.isEmpty()) {
          passUp(bridge, frame.withAddresses(frame.src(), bridge.mac()), vid, skb, learned);
          return;
        }
        frame = bridged.get();
      }
    }
    MacAddress dst = frame.dst();
    BridgeState state = bridge.bridge();
    if (dst.isMulticast()) {
      Cause flooded =
          flood(
              bridge,
              port,
              frame,
              vid,
              skb,
              learned,
              dst.isBroadcast() ? "a broadcast" : "a multicast");
      if (BridgeVlanFilter.allowed(bridge, bridge, vid)) {
        passUp(bridge, frame, vid, skb, flooded);
      }
      return;
    }
    Optional<FdbEntry> entry = state.lookup(dst, vid);
    if (isOwnMac(bridge, dst, vid)
        || entry.map(e -> e.type() == FdbEntry.Type.LOCAL).orElse(false)) {
      passUp(bridge, frame, vid, skb, learned);
      return;
    }
    if (entry.isEmpty()) {
      flood(
          bridge,
          port,
          frame,
          vid,
          skb,
          learned,
          "to " + dst + ", a MAC it has not learned" + BridgeVlanFilter.in(bridge, vid));
      return;
    }
    NetDevice out = entry.get().port();
    if (out == port && !port.portSettings().hairpin()) {
      engine.drop(
          learned,
          Engine.at(bridge),
          bridge.name()
              + " learned "
              + dst
              + " behind "
              + port.name()
              + ", the port the frame came in on; with hairpin off it never sends a frame back"
              + " where it came from.",
          frame,
          Disposition.BRIDGE_HAIRPIN);
      return;
    }
    forward(bridge, out, frame, vid, skb, learned);
  }

  /**
   * The bridge's own MAC has a local FDB entry outside VLANs and, when the bridge filters, in each
   * of its own VLANs only: in another VLAN a frame to it is an unknown destination.
   */
  private static boolean isOwnMac(NetDevice bridge, MacAddress dst, int vid) {
    return dst.equals(bridge.mac()) && (vid == 0 || bridge.bridge().vlans().has(vid));
  }

  /** Whether bridged IPv4 frames of this bridge go through iptables (br_netfilter). */
  private static boolean callsIptables(NetDevice bridge) {
    NetNamespace ns = bridge.netns();
    if (!ns.netfilter().hasTables()) {
      return false;
    }
    return bridge.bridge().nfCallIptables()
        || ns.sysctls().intValue("net.bridge.bridge-nf-call-iptables") != 0;
  }

  /**
   * br_nf_pre_routing_finish: PREROUTING changed the destination. When the new one is reached
   * through this same bridge the frame is bridged again toward its MAC (known from the neighbour
   * cache); otherwise (empty) the host routes it.
   */
  private Optional<EthernetFrame> bridgedDnat(
      NetDevice bridge, EthernetFrame frame, Ipv4Packet packet) {
    NetNamespace ns = bridge.netns();
    Optional<io.packetwalk.kernel.Route> route = ns.fib().lookup(packet.dst(), null);
    if (route.isEmpty()
        || route.get().device() != bridge
        || route.get().type() != io.packetwalk.kernel.RouteType.UNICAST) {
      return Optional.empty();
    }
    io.packetwalk.net.Ipv4Address hop =
        route.get().gateway() != null ? route.get().gateway() : packet.dst();
    return ns.neighbours()
        .find(hop, bridge)
        .filter(n -> n.lladdr() != null)
        .map(n -> frame.withAddresses(frame.src(), n.lladdr()));
  }

  /** br_dev_xmit: the bridge's own IP stack sends {@code frame} through the bridge. */
  void transmitFromHost(NetDevice bridge, EthernetFrame frame, Cause cause) {
    Optional<BridgeVlanFilter.Admitted> admitted = vlanFilter.ingress(bridge, bridge, frame, cause);
    if (admitted.isEmpty()) {
      return;
    }
    frame = admitted.get().frame();
    int vid = admitted.get().vid();
    Cause now = forget(bridge, frame, admitted.get().cause());
    MacAddress dst = frame.dst();
    Optional<FdbEntry> entry =
        dst.isMulticast() ? Optional.empty() : bridge.bridge().lookup(dst, vid);
    if (entry.isPresent() && entry.get().type() != FdbEntry.Type.LOCAL) {
      forward(bridge, entry.get().port(), frame, vid, null, now);
    } else {
      flood(
          bridge,
          null,
          frame,
          vid,
          null,
          now,
          dst.isBroadcast()
              ? "a broadcast"
              : "addressed to "
                  + dst
                  + ", which it has not learned"
                  + BridgeVlanFilter.in(bridge, vid)
                  + ",");
    }
  }

  private Cause learn(NetDevice bridge, NetDevice port, EthernetFrame frame, int vid, Cause cause) {
    MacAddress src = frame.src();
    BridgeState state = bridge.bridge();
    Optional<FdbEntry> existing = state.lookup(src, vid);
    boolean canLearn = port.portSettings().learning() && !src.isMulticast() && !src.isZero();
    // br_fdb_update(): a port's own (local) entry never moves; a learned or static one that is not
    // sticky follows the frame to its new port, and a static one stays static
    if (!canLearn || (existing.isPresent() && existing.get().type() == FdbEntry.Type.LOCAL)) {
      return cause;
    }
    boolean moves = existing.isEmpty() || existing.get().port() != port;
    FdbEntry.Type type = existing.map(FdbEntry::type).orElse(FdbEntry.Type.DYNAMIC);
    FdbEntry learned = new FdbEntry(src, vid, port, type, engine.now());
    String before = existing.map(e -> Texts.fdbLine(e, bridge)).orElse(null);
    state.put(learned);
    if (!moves) {
      return cause;
    }
    List<StateChange> changes =
        List.of(
            new StateChange.Fdb(
                Engine.at(bridge), src.toString(), before, Texts.fdbLine(learned, bridge)));
    String sentence =
        existing.isEmpty()
            ? bridge.name()
                + " learns that "
                + src
                + " is reachable through "
                + port.name()
                + BridgeVlanFilter.in(bridge, vid)
                + "."
            : bridge.name()
                + " sees "
                + src
                + BridgeVlanFilter.in(bridge, vid)
                + " arrive on "
                + port.name()
                + " instead of "
                + existing.get().port().name()
                + (type == FdbEntry.Type.STATIC
                    ? " and moves its static FDB entry (it stays static: only sticky ones stay put)."
                    : " and moves its FDB entry.");
    return engine.step(cause, Engine.at(bridge), StepKind.BRIDGE_LEARN, sentence, frame, changes);
  }

  private void forward(
      NetDevice bridge, NetDevice out, EthernetFrame frame, int vid, Skb skb, Cause cause) {
    if (!BridgeVlanFilter.allowed(bridge, out, vid)) {
      engine.drop(
          cause,
          Engine.at(bridge),
          bridge.name()
              + " knows "
              + frame.dst()
              + " is behind "
              + out.name()
              + ", but "
              + out.name()
              + " is not a member of VLAN "
              + vid
              + ": the frame may not leave there and is dropped.",
          frame,
          Disposition.BRIDGE_VLAN_FILTERED);
      return;
    }
    if (!out.isForwardingPort()) {
      engine.drop(
          cause,
          Engine.at(bridge),
          bridge.name()
              + " would send the frame out of "
              + out.name()
              + ", but that port is not forwarding (down or without carrier).",
          frame,
          Disposition.LINK_DOWN);
      return;
    }
    Cause forwarded =
        engine.step(
            cause,
            Engine.at(bridge),
            StepKind.BRIDGE_FORWARD,
            bridge.name()
                + " knows "
                + frame.dst()
                + " is behind "
                + out.name()
                + BridgeVlanFilter.in(bridge, vid)
                + " and sends the frame there only"
                + (BridgeVlanFilter.filters(bridge)
                    ? ", " + BridgeVlanFilter.how(bridge, out, vid)
                    : "")
                + ".",
            frame);
    EthernetFrame leaving = BridgeVlanFilter.leaving(bridge, out, frame, vid);
    Optional<BridgedOut> passed = bridgeHooks(bridge, out, leaving, skb, forwarded);
    passed.ifPresent(p -> engine.links.transmit(out, p.frame(), p.cause()));
  }

  /** A bridged frame after br_netfilter's FORWARD and POSTROUTING, and the step it left from. */
  private record BridgedOut(EthernetFrame frame, Cause cause) {}

  /**
   * br_nf_forward and br_nf_post_routing: a bridged IPv4 packet leaving by {@code out} walks
   * FORWARD and POSTROUTING (NAT may rewrite it there); empty when a hook dropped it.
   */
  private Optional<BridgedOut> bridgeHooks(
      NetDevice bridge, NetDevice out, EthernetFrame frame, Skb skb, Cause cause) {
    if (skb == null) {
      return Optional.of(new BridgedOut(frame, cause));
    }
    Skb copy = skb;
    copy.setIn(bridge);
    copy.setOut(bridge);
    copy.setPhysDevices(skb.physIn(), out);
    NetfilterHooks.Passage forward =
        engine.netfilter.run(Hook.FORWARD, bridge.netns(), copy, cause);
    if (!forward.accepted()) {
      return Optional.empty();
    }
    NetfilterHooks.Passage post =
        engine.netfilter.run(Hook.POSTROUTING, bridge.netns(), copy, forward.cause());
    if (!post.accepted()) {
      return Optional.empty();
    }
    EthernetFrame leaving =
        copy.packet().equals(frame.payload())
            ? frame
            : new EthernetFrame(frame.src(), frame.dst(), copy.packet());
    return Optional.of(new BridgedOut(leaving, post.cause()));
  }

  /**
   * Copies the frame to every forwarding port except the ingress one (unless hairpin is on) and,
   * when the bridge filters VLANs, only to ports that are members of the frame's VLAN.
   */
  private Cause flood(
      NetDevice bridge,
      NetDevice ingress,
      EthernetFrame frame,
      int vid,
      Skb skb,
      Cause cause,
      String what) {
    List<NetDevice> targets = new ArrayList<>();
    for (NetDevice p : bridge.bridge().ports()) {
      if ((p != ingress || p.portSettings().hairpin())
          && p.isForwardingPort()
          && (frame.dst().isMulticast() || p.portSettings().flood())
          && BridgeVlanFilter.allowed(bridge, p, vid)) {
        targets.add(p);
      }
    }
    boolean toStack = frame.dst().isMulticast() && ingress != null;
    boolean up = toStack && BridgeVlanFilter.allowed(bridge, bridge, vid);
    boolean filters = BridgeVlanFilter.filters(bridge);
    String sentence =
        bridge.name()
            + " floods the frame ("
            + what
            + ")"
            + (filters ? " to the members of VLAN " + vid : "")
            + (targets.isEmpty()
                ? ", but no other " + (filters ? "member port" : "port") + " is forwarding"
                : " out of "
                    + String.join(", ", targets.stream().map(t -> target(bridge, t, vid)).toList()))
            + (up
                ? ", and passes a copy up to its own stack."
                : toStack
                    ? ", but keeps no copy for its own stack: "
                        + bridge.name()
                        + " itself is not a member of VLAN "
                        + vid
                        + "."
                    : ".");
    Cause flooded = engine.step(cause, Engine.at(bridge), StepKind.BRIDGE_FLOOD, sentence, frame);
    if (targets.isEmpty() && !up) {
      engine.drop(
          flooded,
          Engine.at(bridge),
          toStack
              ? "No other port of "
                  + bridge.name()
                  + " is in VLAN "
                  + vid
                  + " and "
                  + bridge.name()
                  + " itself is not either: the frame ends here."
              : "Nobody else is on " + bridge.name() + ": the frame ends here.",
          frame,
          toStack ? Disposition.BRIDGE_VLAN_FILTERED : Disposition.NOT_FOR_US);
    }
    for (NetDevice target : targets) {
      EthernetFrame leaving = BridgeVlanFilter.leaving(bridge, target, frame, vid);
      if (skb == null || frame.dst().isMulticast()) {
        engine.links.transmit(target, leaving, flooded);
      } else {
        bridgeHooks(bridge, target, leaving, skb, flooded)
            .ifPresent(p -> engine.links.transmit(target, p.frame(), p.cause()));
      }
    }
    return flooded;
  }

  /** A flood target as the sentence names it: with how the frame leaves when VLANs filter. */
  private static String target(NetDevice bridge, NetDevice port, int vid) {
    if (!BridgeVlanFilter.filters(bridge)) {
      return port.name();
    }
    return port.name() + " (" + BridgeVlanFilter.how(bridge, port, vid) + ")";
  }

  /**
   * br_pass_frame_up: the frame goes up to the bridge device's own stack; when the bridge filters
   * VLANs only in its own VLANs, untagged where its VLAN is "Egress Untagged", tagged otherwise (a
   * VLAN device on the bridge, such as br0.10, takes it then).
   */
  private void passUp(NetDevice bridge, EthernetFrame frame, int vid, Skb skb, Cause cause) {
    if (!BridgeVlanFilter.allowed(bridge, bridge, vid)) {
      engine.drop(
          cause,
          Engine.at(bridge),
          bridge.name()
              + " itself is not a member of VLAN "
              + vid
              + " (no \"bridge vlan add dev "
              + bridge.name()
              + " vid "
              + vid
              + " self\"), so the frame does not go up to its own stack.",
          frame,
          Disposition.BRIDGE_VLAN_FILTERED);
      return;
    }
    frame = BridgeVlanFilter.leaving(bridge, bridge, frame, vid);
    bridge.counters().received(frame.length());
    engine.captures.record(engine.now(), bridge, Direction.IN, frame);
    Cause up =
        engine.step(
            cause,
            Engine.at(bridge),
            StepKind.BRIDGE_LOCAL_IN,
            bridge.name()
                + " passes the frame up to "
                + Texts.name(bridge.netns())
                + "'s own stack.",
            frame);
    if (engine.vlans.receive(bridge, frame, up)
        || engine.macvlans.receive(bridge, frame, up)
        || engine.ipvlans.receive(bridge, frame, up)) {
      return;
    }
    engine.pipeline.deliverUp(bridge, frame, skb, up);
  }

  /** Ages the FDB before the bridge uses it; a step tells what was forgotten, if anything. */
  private Cause forget(NetDevice bridge, EthernetFrame frame, Cause cause) {
    List<StateChange> gone = age(bridge);
    if (gone.isEmpty()) {
      return cause;
    }
    return engine.step(
        cause,
        Engine.at(bridge),
        StepKind.BRIDGE_AGEING,
        bridge.name()
            + " forgets "
            + gone.size()
            + (gone.size() == 1 ? " MAC address" : " MAC addresses")
            + " it has not seen for its ageing time ("
            + bridge.bridge().ageingTimeCs() / 100
            + " s).",
        frame,
        gone);
  }

  /** Forgets dynamic entries older than the ageing time; returns what was forgotten. */
  List<StateChange> age(NetDevice bridge) {
    BridgeState state = bridge.bridge();
    long maxAgeNs = state.ageingTimeCs() * 10_000_000L;
    List<StateChange> gone = new ArrayList<>();
    for (FdbEntry entry : state.fdb()) {
      if (entry.type() == FdbEntry.Type.DYNAMIC && engine.now() - entry.updatedNs() > maxAgeNs) {
        gone.add(
            new StateChange.Fdb(
                Engine.at(bridge), entry.mac().toString(), Texts.fdbLine(entry, bridge), null));
      }
    }
    if (!gone.isEmpty()) {
      state.age(engine.now());
    }
    return gone;
  }
}
