package io.packetwalk.engine;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.Skb;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.StepKind;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The neighbour layer (net/core/neighbour.c with ARP as its protocol): resolution with a queue,
 * broadcast solicitations every {@code retrans_time} (1 s) up to {@code mcast_solicit} (3), then
 * FAILED with "host unreachable" for what waited; REACHABLE for a random 15–45 s, then STALE; a
 * STALE entry in use goes to DELAY, then after 5 s to PROBE with up to {@code ucast_solicit} (3)
 * unicast probes. PERMANENT and NOARP entries never change.
 */
final class Neighbours {

  static final long RETRANS_NS = 1_000_000_000L;
  static final long DELAY_PROBE_NS = 5_000_000_000L;
  static final long BASE_REACHABLE_NS = 30_000_000_000L;
  static final int MCAST_SOLICIT = 3;
  static final int UCAST_SOLICIT = 3;

  private final Engine engine;

  /**
   * Timer generations: a timer only acts if the entry's generation is still the one it saw. Weak
   * keys: entries the shell deletes are forgotten; nothing here is ever iterated.
   */
  private final Map<NeighbourEntry, Integer> timers = new WeakHashMap<>();

  /** Each device's reachable time, drawn once from the seeded random in [15 s, 45 s). */
  private final Map<NetDevice, Long> reachableTimes = new WeakHashMap<>();

  Neighbours(Engine engine) {
    this.engine = engine;
  }

  /** neigh_output: send {@code packet} to {@code nextHop} on {@code dev}, resolving it first. */
  void output(NetDevice dev, Ipv4Address nextHop, Skb skb, Cause cause) {
    NetNamespace ns = dev.netns();
    Ipv4Packet packet = skb.packet();
    NeighbourEntry entry = ns.neighbours().find(nextHop, dev).orElse(null);
    NudState state = entry == null ? null : entry.state();
    if (state != null && state != NudState.FAILED && state != NudState.INCOMPLETE) {
      Cause found =
          engine.step(
              cause,
              Engine.at(ns),
              StepKind.NEIGH_LOOKUP,
              Texts.name(ns)
                  + " finds "
                  + nextHop
                  + " at "
                  + entry.lladdr()
                  + " ("
                  + state
                  + ") in its ARP cache for "
                  + dev.name()
                  + ".",
              packet);
      if (state == NudState.STALE) {
        found =
            change(
                entry,
                NudState.DELAY,
                null,
                found,
                "The entry was STALE: "
                    + Texts.name(ns)
                    + " still uses the MAC now and will check it in 5 s (DELAY).",
                packet);
        arm(entry, DELAY_PROBE_NS, found);
      }
      send(dev, entry.lladdr(), packet, found);
      return;
    }
    if (state == NudState.INCOMPLETE) {
      Cause queued =
          engine.step(
              cause,
              Engine.at(ns),
              StepKind.NEIGH_QUEUED,
              "ARP for "
                  + nextHop
                  + " is still in progress, so the packet waits in the queue of the INCOMPLETE"
                  + " entry.",
              packet);
      entry.enqueue(skb);
      return;
    }
    Cause looked =
        engine.step(
            cause,
            Engine.at(ns),
            StepKind.NEIGH_LOOKUP,
            Texts.name(ns)
                + (state == null
                    ? " has no ARP entry for " + nextHop + " on " + dev.name() + " yet."
                    : "'s ARP entry for " + nextHop + " is FAILED; it tries again."),
            packet);
    NeighbourEntry incomplete = entry;
    String before = entry == null ? null : Texts.neighLine(entry);
    if (incomplete == null) {
      incomplete = new NeighbourEntry(nextHop, dev, NudState.INCOMPLETE, engine.now());
      ns.neighbours().add(incomplete);
    } else {
      incomplete.update(NudState.INCOMPLETE, null, engine.now());
    }
    incomplete.enqueue(skb);
    Cause queued =
        engine.step(
            looked,
            Engine.at(ns),
            StepKind.NEIGH_QUEUED,
            Texts.name(ns)
                + " creates an INCOMPLETE entry for "
                + nextHop
                + " and queues the packet until ARP answers.",
            packet,
            List.of(neighChange(incomplete, before)));
    arm(incomplete, RETRANS_NS, solicit(incomplete, packet, queued));
  }

  /**
   * neigh_update from received ARP: {@code state} is REACHABLE for a unicast reply, else STALE.
   * Same MAC and STALE keeps the current state; a new MAC overrides. Queued packets leave as soon
   * as the entry becomes usable.
   */
  Cause update(
      NeighbourEntry entry,
      NudState state,
      MacAddress lladdr,
      Cause cause,
      String why,
      EthernetFrame frame) {
    NudState old = entry.state();
    if (old == NudState.PERMANENT || old == NudState.NOARP) {
      return cause;
    }
    boolean wasValid = old != NudState.INCOMPLETE && old != NudState.FAILED;
    boolean sameMac = lladdr.equals(entry.lladdr());
    if (wasValid && sameMac && state == NudState.STALE) {
      return cause;
    }
    if (old == NudState.REACHABLE && sameMac) {
      entry.update(NudState.REACHABLE, lladdr, engine.now());
      arm(entry, reachableTime(entry.device()), cause);
      return cause;
    }
    Cause changed = change(entry, state, lladdr, cause, why, frame);
    if (state == NudState.REACHABLE) {
      arm(entry, reachableTime(entry.device()), changed);
    } else {
      timers.remove(entry);
    }
    if (!wasValid) {
      for (Skb waitingSkb : entry.drainPending()) {
        Ipv4Packet waiting = waitingSkb.packet();
        Cause leaves =
            engine.step(
                changed,
                Engine.at(entry.device().netns()),
                StepKind.NEIGH_LOOKUP,
                "The packet that waited for "
                    + entry.address()
                    + " can leave now: its MAC is "
                    + entry.lladdr()
                    + ".",
                waiting);
        send(entry.device(), entry.lladdr(), waiting, leaves);
      }
    }
    return changed;
  }

  /** neigh_event_ns: an entry for a requester that asked us (created STALE when new). */
  Cause learnFromRequest(
      NetDevice dev, Ipv4Address address, MacAddress lladdr, Cause cause, EthernetFrame frame) {
    NetNamespace ns = dev.netns();
    NeighbourEntry entry = ns.neighbours().find(address, dev).orElse(null);
    if (entry == null) {
      entry = new NeighbourEntry(address, dev, NudState.STALE, engine.now());
      entry.update(NudState.STALE, lladdr, engine.now());
      ns.neighbours().add(entry);
      return engine.step(
          cause,
          Engine.at(ns),
          StepKind.NEIGH_UPDATE,
          Texts.name(ns)
              + " notes the asker: "
              + address
              + " is at "
              + lladdr
              + " (a new STALE entry, not yet confirmed).",
          frame,
          List.of(neighChange(entry, null)));
    }
    return update(
        entry,
        NudState.STALE,
        lladdr,
        cause,
        Texts.name(ns) + " refreshes its entry for " + address + " from the request.",
        frame);
  }

  private Cause change(
      NeighbourEntry entry,
      NudState state,
      MacAddress lladdr,
      Cause cause,
      String why,
      Packet packet) {
    String before = Texts.neighLine(entry);
    entry.update(state, lladdr, engine.now());
    return engine.step(
        cause,
        Engine.at(entry.device().netns()),
        StepKind.NEIGH_UPDATE,
        why,
        packet,
        List.of(neighChange(entry, before)));
  }

  private static StateChange neighChange(NeighbourEntry entry, String before) {
    return new StateChange.Neighbour(
        Engine.at(entry.device().netns()),
        entry.address().toString(),
        before,
        Texts.neighLine(entry));
  }

  /** Sends with the entry's MAC; a NOARP entry added without one sends to 00:00:00:00:00:00. */
  private void send(NetDevice dev, MacAddress lladdr, Ipv4Packet packet, Cause cause) {
    MacAddress dst = lladdr == null ? MacAddress.ZERO : lladdr;
    engine.links.transmit(dev, new EthernetFrame(dev.mac(), dst, packet), cause);
  }

  /**
   * Arms the entry's timer {@code delayNs} from now, replacing any earlier one; what the timer does
   * is caused by {@code cause}.
   */
  private void arm(NeighbourEntry entry, long delayNs, Cause cause) {
    int generation = timers.merge(entry, 1, Integer::sum);
    engine.timerAfter(
        delayNs,
        Engine.at(entry.device().netns()),
        cause,
        () -> {
          if (timers.getOrDefault(entry, 0) == generation
              && entry.device().netns().neighbours().entries().contains(entry)) {
            timer(entry, cause);
          }
        });
  }

  /** neigh_timer_handler. */
  private void timer(NeighbourEntry entry, Cause cause) {
    NetNamespace ns = entry.device().netns();
    switch (entry.state()) {
      case REACHABLE -> {
        long expires = entry.confirmedNs() + reachableTime(entry.device());
        if (engine.now() < expires) {
          arm(entry, expires - engine.now(), cause);
          return;
        }
        timers.remove(entry);
        change(
            entry,
            NudState.STALE,
            null,
            cause,
            Texts.name(ns)
                + " has not confirmed "
                + entry.address()
                + " for its reachable time: the entry becomes STALE (still used, checked on next use).",
            null);
      }
      case DELAY -> {
        if (engine.now() < entry.confirmedNs() + DELAY_PROBE_NS) {
          Cause confirmed =
              change(
                  entry,
                  NudState.REACHABLE,
                  null,
                  cause,
                  "The entry for " + entry.address() + " was confirmed meanwhile: REACHABLE again.",
                  null);
          arm(entry, reachableTime(entry.device()), confirmed);
          return;
        }
        Cause probe =
            change(
                entry,
                NudState.PROBE,
                null,
                cause,
                "5 s in DELAY without confirmation: "
                    + Texts.name(ns)
                    + " probes "
                    + entry.address()
                    + " with unicast ARP requests (PROBE).",
                null);
        arm(entry, RETRANS_NS, solicit(entry, null, probe));
      }
      case INCOMPLETE, PROBE -> {
        int limit = entry.state() == NudState.INCOMPLETE ? MCAST_SOLICIT : UCAST_SOLICIT;
        if (entry.probes() >= limit) {
          fail(entry, cause);
          return;
        }
        Ipv4Packet last = entry.pending().isEmpty() ? null : entry.pending().getLast().packet();
        arm(entry, RETRANS_NS, solicit(entry, last, cause));
      }
      default -> timers.remove(entry);
    }
  }

  /** neigh_invalidate: FAILED; every waiting packet is dropped and its sender told. */
  private void fail(NeighbourEntry entry, Cause cause) {
    timers.remove(entry);
    NetNamespace ns = entry.device().netns();
    List<Ipv4Packet> waiting = entry.drainPending().stream().map(Skb::packet).toList();
    Cause failed =
        change(
            entry,
            NudState.FAILED,
            null,
            cause,
            "Nobody answered "
                + entry.probes()
                + " ARP requests for "
                + entry.address()
                + ": the entry is FAILED.",
            waiting.isEmpty() ? null : waiting.getFirst());
    for (Ipv4Packet packet : waiting) {
      Cause dropped =
          engine.drop(
              failed,
              Engine.at(ns),
              "The packet that waited for "
                  + entry.address()
                  + " is dropped; "
                  + Texts.name(ns)
                  + " reports the host unreachable to "
                  + packet.src()
                  + ".",
              packet,
              Disposition.NEIGH_FAILED);
      engine.icmp.sendError(
          ns,
          packet,
          IcmpMessage.DEST_UNREACHABLE,
          IcmpMessage.CODE_HOST_UNREACHABLE,
          0,
          false,
          dropped);
    }
  }

  /**
   * arp_solicit: broadcast while INCOMPLETE, unicast to the known MAC while PROBE. The sender IP is
   * the waiting packet's source when it is one of ours (arp_announce 0), else the device's address
   * best matching the target.
   */
  private Cause solicit(NeighbourEntry entry, Ipv4Packet trigger, Cause cause) {
    NetDevice dev = entry.device();
    NetNamespace ns = dev.netns();
    Ipv4Address sender =
        trigger != null && ns.fib().isLocal(trigger.src())
            ? trigger.src()
            : ns.fib()
                .selectSource(dev, entry.address(), AddressScope.LINK)
                .orElse(Ipv4Address.ANY);
    boolean unicast = entry.state() == NudState.PROBE;
    MacAddress dst = unicast ? entry.lladdr() : MacAddress.BROADCAST;
    ArpPacket request =
        new ArpPacket(
            ArpPacket.Op.REQUEST,
            dev.mac(),
            sender,
            unicast ? entry.lladdr() : MacAddress.ZERO,
            entry.address());
    EthernetFrame frame = new EthernetFrame(dev.mac(), dst, request);
    entry.countProbe();
    Cause asked =
        engine.step(
            cause,
            Engine.at(dev),
            StepKind.ARP_REQUEST_SENT,
            Texts.name(ns)
                + (unicast
                    ? " asks " + entry.lladdr() + " directly"
                    : " broadcasts on " + dev.name())
                + ": who has "
                + entry.address()
                + "? Tell "
                + sender
                + " (request "
                + entry.probes()
                + " of "
                + (unicast ? UCAST_SOLICIT : MCAST_SOLICIT)
                + ").",
            frame);
    engine.links.transmit(dev, frame, asked);
    return asked;
  }

  private long reachableTime(NetDevice dev) {
    return reachableTimes.computeIfAbsent(
        dev, d -> BASE_REACHABLE_NS / 2 + engine.world.random().nextLong(BASE_REACHABLE_NS));
  }
}
