package io.packetwalk.engine;

import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.Sysctls;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import java.util.Optional;

/**
 * arp_process: answers requests for any local address (the weak-host model: with the MAC of the
 * interface the request came in on; arp_ignore refines this), answers by proxy (proxy_arp or an
 * explicit proxy entry, for targets routed out of a different interface, forwarding on), learns the
 * asker, and updates existing entries from every ARP packet it sees.
 *
 * <p>Proxy replies to broadcast requests are delayed like the kernel's pneigh queue: by a random
 * time below {@code proxy_delay} (800 ms) drawn from the world's seeded random, so a given seed
 * always gives the same delay.
 */
final class ArpInput {

  static final int PROXY_DELAY_MS = 800;

  private final Engine engine;

  ArpInput(Engine engine) {
    this.engine = engine;
  }

  void receive(NetDevice dev, EthernetFrame frame, ArpPacket arp, PacketType type, Cause cause) {
    process(dev, frame, arp, type, false, cause);
  }

  private void process(
      NetDevice dev,
      EthernetFrame frame,
      ArpPacket arp,
      PacketType type,
      boolean fromProxyQueue,
      Cause cause) {
    NetNamespace ns = dev.netns();
    Ipv4Address sip = arp.senderIp();
    Ipv4Address tip = arp.targetIp();
    if (tip.isMulticast() || tip.isLoopback()) {
      engine.drop(
          cause,
          Engine.at(dev),
          Texts.name(ns) + " ignores an ARP packet for " + tip + ", which no host can own.",
          frame,
          Disposition.MARTIAN);
      return;
    }
    if (arp.op() == ArpPacket.Op.REQUEST) {
      InputRouting.Decision route = engine.inputRouting.decide(dev, sip, tip);
      if (route.verdict() == InputRouting.Verdict.LOCAL) {
        answerForOwnAddress(dev, frame, arp, cause);
        return;
      }
      if (route.verdict() == InputRouting.Verdict.FORWARD && proxies(dev, tip, route)) {
        answerByProxy(dev, frame, arp, type, fromProxyQueue, cause);
        return;
      }
    }
    updateExisting(dev, frame, arp, type, cause);
  }

  /** The target is one of our addresses: reply (unless arp_ignore says no) and learn the asker. */
  private void answerForOwnAddress(NetDevice dev, EthernetFrame frame, ArpPacket arp, Cause cause) {
    NetNamespace ns = dev.netns();
    Sysctls sys = ns.sysctls();
    int ignore = Math.max(sys.confAll("arp_ignore"), sys.conf(dev, "arp_ignore"));
    String silence = ignored(dev, arp, ignore);
    if (silence != null) {
      engine.end(
          cause,
          Engine.at(dev),
          StepKind.LOCAL_DELIVER,
          Texts.name(ns) + " owns " + arp.targetIp() + " but stays silent: " + silence + ".",
          frame,
          Disposition.DELIVERED);
      return;
    }
    boolean onThisDevice = dev.addresses().stream().anyMatch(a -> a.local().equals(arp.targetIp()));
    Cause taken =
        engine.end(
            cause,
            Engine.at(dev),
            StepKind.LOCAL_DELIVER,
            Texts.name(ns)
                + " owns "
                + arp.targetIp()
                + (onThisDevice
                    ? ""
                    : " (on another interface: Linux answers for any of its addresses)")
                + ", so its ARP layer takes the request.",
            frame,
            Disposition.DELIVERED);
    Cause learned =
        engine.neighbours.learnFromRequest(dev, arp.senderIp(), arp.senderMac(), taken, frame);
    reply(
        dev,
        arp,
        learned,
        StepKind.ARP_REPLY_SENT,
        Texts.name(ns)
            + " answers: "
            + arp.targetIp()
            + " is at "
            + dev.mac()
            + " ("
            + dev.name()
            + "'s MAC, the interface the request came in on).");
  }

  /**
   * arp_ignore: 1 = only for addresses on the receiving interface, 2 = and from its subnet, 8 =
   * never.
   */
  private static String ignored(NetDevice dev, ArpPacket arp, int ignore) {
    Optional<InterfaceAddress> here =
        dev.addresses().stream().filter(a -> a.local().equals(arp.targetIp())).findFirst();
    return switch (ignore) {
      case 1 ->
          here.isPresent()
              ? null
              : "arp_ignore=1 and " + arp.targetIp() + " is not on " + dev.name();
      case 2 ->
          here.isPresent() && here.get().sameSubnet(arp.senderIp())
              ? null
              : "arp_ignore=2 and the asker "
                  + arp.senderIp()
                  + " is not in the subnet of "
                  + arp.targetIp()
                  + " on "
                  + dev.name();
      case 8 -> "arp_ignore=8 never answers";
      default -> null;
    };
  }

  /** arp_fwd_proxy / pneigh_lookup: proxy_arp on the interface or an explicit proxy entry. */
  private static boolean proxies(NetDevice dev, Ipv4Address tip, InputRouting.Decision route) {
    if (route.route().device() == dev) {
      return false;
    }
    Sysctls sys = dev.netns().sysctls();
    boolean proxyArp = sys.confAll("proxy_arp") != 0 || sys.conf(dev, "proxy_arp") != 0;
    return proxyArp || dev.netns().neighbours().hasProxy(tip, dev);
  }

  private void answerByProxy(
      NetDevice dev,
      EthernetFrame frame,
      ArpPacket arp,
      PacketType type,
      boolean fromProxyQueue,
      Cause cause) {
    NetNamespace ns = dev.netns();
    Cause learned =
        engine.neighbours.learnFromRequest(dev, arp.senderIp(), arp.senderMac(), cause, frame);
    if (fromProxyQueue || type == PacketType.HOST) {
      reply(
          dev,
          arp,
          learned,
          StepKind.ARP_PROXY_REPLY,
          Texts.name(ns)
              + " answers for "
              + arp.targetIp()
              + " by proxy with "
              + dev.name()
              + "'s own MAC "
              + dev.mac()
              + ": it routes "
              + arp.targetIp()
              + " out of another interface, so it will forward what comes.");
      return;
    }
    long delayMs = engine.world.random().nextInt(PROXY_DELAY_MS);
    Cause delayed =
        engine.step(
            learned,
            Engine.at(dev),
            StepKind.ARP_PROXY_REPLY,
            Texts.name(ns)
                + " will answer for "
                + arp.targetIp()
                + " by proxy, but first holds the request for "
                + delayMs
                + " ms (a random delay below proxy_delay, 800 ms), so the real owner can answer"
                + " first.",
            frame);
    engine.timerAfter(
        delayMs * 1_000_000L,
        Engine.at(dev),
        delayed,
        () -> {
          if (dev.netns() == ns && dev.isAdminUp()) {
            process(dev, frame, arp, type, true, delayed);
          }
        });
  }

  private void reply(
      NetDevice dev, ArpPacket request, Cause cause, StepKind kind, String sentence) {
    ArpPacket answer =
        new ArpPacket(
            ArpPacket.Op.REPLY,
            dev.mac(),
            request.targetIp(),
            request.senderMac(),
            request.senderIp());
    EthernetFrame frame = new EthernetFrame(dev.mac(), request.senderMac(), answer);
    Cause replied = engine.step(cause, Engine.at(dev), kind, sentence, frame);
    engine.links.transmit(dev, frame, replied);
  }

  /** Every ARP packet refreshes an existing entry for its sender; none is created. */
  private void updateExisting(
      NetDevice dev, EthernetFrame frame, ArpPacket arp, PacketType type, Cause cause) {
    NetNamespace ns = dev.netns();
    Optional<NeighbourEntry> entry = ns.neighbours().find(arp.senderIp(), dev);
    boolean reply = arp.op() == ArpPacket.Op.REPLY;
    if (entry.isEmpty()) {
      engine.drop(
          cause,
          Engine.at(dev),
          reply
              ? Texts.name(ns)
                  + " did not ask for "
                  + arp.senderIp()
                  + ", so it ignores the unsolicited reply (arp_accept=0)."
              : Texts.name(ns) + " does not own " + arp.targetIp() + ", so it ignores the request.",
          frame,
          Disposition.NOT_FOR_US);
      return;
    }
    NudState state = reply && type == PacketType.HOST ? NudState.REACHABLE : NudState.STALE;
    NudState before = entry.get().state();
    Cause taken =
        reply
            ? engine.end(
                cause,
                Engine.at(dev),
                StepKind.LOCAL_DELIVER,
                Texts.name(ns) + "'s ARP layer takes the reply from " + arp.senderIp() + ".",
                frame,
                Disposition.DELIVERED)
            : engine.drop(
                cause,
                Engine.at(dev),
                Texts.name(ns)
                    + " does not own "
                    + arp.targetIp()
                    + ", so it does not answer; it only refreshes what it knows about "
                    + arp.senderIp()
                    + ".",
                frame,
                Disposition.NOT_FOR_US);
    engine.neighbours.update(
        entry.get(),
        state,
        arp.senderMac(),
        taken,
        reply
            ? Texts.name(ns)
                + " learns that "
                + arp.senderIp()
                + " is at "
                + arp.senderMac()
                + ": "
                + before
                + " → "
                + state
                + "."
            : Texts.name(ns) + " updates its entry for " + arp.senderIp() + " from the request.",
        frame);
  }
}
