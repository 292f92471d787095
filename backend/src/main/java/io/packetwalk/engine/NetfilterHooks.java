package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.CtInfo;
import io.packetwalk.kernel.netfilter.Evaluation;
import io.packetwalk.kernel.netfilter.Evaluation.AddressTypes;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.NetfilterPlace;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NF_HOOK: runs what is registered at one hook of one namespace in priority order — the raw,
 * mangle, nat, filter and security tables, conntrack's lookup (-200) and confirmation (last) — and
 * says whether the packet goes on. A namespace with no tables and no conntrack costs nothing.
 */
final class NetfilterHooks {

  /** What runs at a hook, in priority order (include/uapi/linux/netfilter_ipv4.h). */
  private enum Stage {
    RAW(TableKind.RAW),
    CONNTRACK(null),
    MANGLE(TableKind.MANGLE),
    NAT(TableKind.NAT),
    FILTER(TableKind.FILTER),
    SECURITY(TableKind.SECURITY),
    CONFIRM(null);

    final TableKind table;

    Stage(TableKind table) {
      this.table = table;
    }
  }

  private static final Map<Hook, List<Stage>> ORDER = new EnumMap<>(Hook.class);

  static {
    ORDER.put(Hook.PREROUTING, List.of(Stage.RAW, Stage.CONNTRACK, Stage.MANGLE, Stage.NAT));
    ORDER.put(
        Hook.INPUT, List.of(Stage.MANGLE, Stage.FILTER, Stage.SECURITY, Stage.NAT, Stage.CONFIRM));
    ORDER.put(Hook.FORWARD, List.of(Stage.MANGLE, Stage.FILTER, Stage.SECURITY));
    ORDER.put(
        Hook.OUTPUT,
        List.of(Stage.RAW, Stage.CONNTRACK, Stage.MANGLE, Stage.NAT, Stage.FILTER, Stage.SECURITY));
    ORDER.put(Hook.POSTROUTING, List.of(Stage.MANGLE, Stage.NAT, Stage.CONFIRM));
  }

  /** Whether the packet goes on, and the step it goes on from. */
  record Passage(boolean accepted, Cause cause) {}

  private final Engine engine;
  private final ChainWalker walker;
  private final Conntracker conntrack;
  private final NatTranslator nat;

  /** The last passage {@link #accepted} made: unrecorded steps share one cause, so it is reused. */
  private Passage lastAccepted = new Passage(true, null);

  /** The namespace whose address types {@link #addressTypes} answers, and that answer. */
  private NetNamespace typesOf;

  private AddressTypes types;

  NetfilterHooks(Engine engine) {
    this.engine = engine;
    this.walker = new ChainWalker(engine);
    this.conntrack = new Conntracker(engine);
    this.nat = new NatTranslator(engine);
  }

  Passage run(Hook hook, NetNamespace ns, Skb skb, Cause cause) {
    NetfilterState state = ns.netfilter();
    if (!state.hasTables()) {
      return accepted(cause);
    }
    boolean tracking = state.conntrackActive();
    List<Stage> order = ORDER.get(hook);
    Stage[] stages = new Stage[order.size()];
    int count = 0;
    for (Stage stage : order) {
      if (stage.table == null || stage.table == TableKind.NAT
          ? tracking
          : chainOf(state, stage.table, hook) != null) {
        stages[count++] = stage;
      }
    }
    if (count == 0) {
      return accepted(cause);
    }
    Evaluation e =
        new Evaluation(
            skb, hook, addressTypes(ns), state.ipsets(), engine.world.random(), engine.now());
    Cause now = cause;
    if (engine.tracer.recording()) {
      List<String> labels = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        labels.add(label(stages[i]));
      }
      now =
          engine.step(
              cause,
              ChainWalker.at(ns, NetfilterPlace.hook(hook.name())),
              StepKind.NF_HOOK,
              "The packet reaches the "
                  + hook
                  + " hook of "
                  + Texts.name(ns)
                  + ": "
                  + String.join(", ", labels)
                  + " run there in that order.",
              skb.packet());
    } else {
      now = engine.step(cause, null, StepKind.NF_HOOK, null, skb.packet());
    }
    for (int i = 0; i < count; i++) {
      Stage stage = stages[i];
      Passage passage =
          switch (stage) {
            case CONNTRACK -> accepted(lookup(ns, hook, skb, now));
            case CONFIRM -> confirm(ns, hook, skb, now);
            case NAT -> nat(ns, hook, skb, e, now);
            default -> table(ns, hook, skb, e, stage.table, now);
          };
      if (!passage.accepted()) {
        return passage;
      }
      now = passage.cause();
    }
    return accepted(now);
  }

  private static String label(Stage stage) {
    return switch (stage) {
      case CONNTRACK -> "conntrack";
      case CONFIRM -> "conntrack's confirmation";
      default -> stage.table.id();
    };
  }

  /** The table's chain for the hook if a packet walks it (it exists and was created), or null. */
  private static Chain chainOf(NetfilterState state, TableKind kind, Hook hook) {
    Table table = state.existing(kind).orElse(null);
    Chain chain = table == null ? null : table.builtin(hook);
    return chain != null && chain.created() ? chain : null;
  }

  /** A table's chain for this hook: its verdict lets the packet on, drops it or rejects it. */
  private Passage table(
      NetNamespace ns, Hook hook, Skb skb, Evaluation e, TableKind kind, Cause cause) {
    Table table = ns.netfilter().table(kind);
    ChainWalker.Outcome outcome = walker.walk(ns, table, hook, e, cause);
    return switch (outcome.verdict()) {
      case Target.Accept a -> accepted(outcome.cause());
      case Target.Reject reject -> {
        reject(ns, hook, skb, reject, outcome);
        yield new Passage(false, outcome.cause());
      }
      default -> {
        dropped(ns, hook, kind, skb, outcome);
        yield new Passage(false, outcome.cause());
      }
    };
  }

  private void dropped(
      NetNamespace ns, Hook hook, TableKind kind, Skb skb, ChainWalker.Outcome outcome) {
    NetfilterPlace place = NetfilterPlace.chain(hook.name(), kind.id(), outcome.chain().name());
    if (!outcome.isPolicy()) {
      place = place.rule(outcome.number(), outcome.rule().text(outcome.chain().name()));
    }
    engine.drop(
        outcome.cause(),
        ChainWalker.at(ns, place),
        outcome.isPolicy()
            ? "Dropped by the policy of "
                + kind.id()
                + " "
                + outcome.chain().name()
                + ": no rule accepted the packet. Nothing is sent back."
            : "Dropped by rule "
                + outcome.number()
                + " of "
                + kind.id()
                + " "
                + outcome.chain().name()
                + ". Nothing is sent back; the sender only sees silence.",
        skb.packet(),
        Disposition.NF_DROP);
  }

  /** REJECT: the packet is dropped and an ICMP error or a TCP reset goes back through OUTPUT. */
  private void reject(
      NetNamespace ns, Hook hook, Skb skb, Target.Reject reject, ChainWalker.Outcome outcome) {
    Ipv4Packet packet = skb.packet();
    NetfilterPlace place =
        NetfilterPlace.chain(hook.name(), TableKind.FILTER.id(), outcome.chain().name())
            .rule(outcome.number(), outcome.rule().text(outcome.chain().name()));
    boolean reset = reject.icmpCode() < 0;
    Cause dropped =
        engine.drop(
            outcome.cause(),
            ChainWalker.at(ns, place),
            "Rejected by rule "
                + outcome.number()
                + " of "
                + outcome.chain().name()
                + ": the packet is dropped and "
                + Texts.name(ns)
                + (reset
                    ? " answers with a TCP reset."
                    : " answers with ICMP " + reject.with() + "."),
            packet,
            Disposition.NF_REJECT);
    if (reset) {
      if (packet.payload() instanceof TcpSegment segment) {
        engine.tcp.rejectWithReset(ns, packet, segment, dropped);
      }
      return;
    }
    engine.icmp.sendError(
        ns,
        packet,
        IcmpMessage.DEST_UNREACHABLE,
        reject.icmpCode(),
        0,
        hook == Hook.INPUT,
        dropped);
  }

  /** Conntrack at -200: the packet's connection, new or known. */
  private Cause lookup(NetNamespace ns, Hook hook, Skb skb, Cause cause) {
    Conntracker.Lookup found = conntrack.in(ns, skb);
    if (!engine.tracer.recording()) {
      return engine.step(
          cause, null, found.created() ? StepKind.CT_NEW : StepKind.CT_LOOKUP, null, skb.packet());
    }
    ConntrackEntry entry = found.entry();
    NetfilterPlace place = NetfilterPlace.hook(hook.name());
    if (found.created()) {
      return engine.step(
          cause,
          ChainWalker.at(ns, place),
          StepKind.CT_NEW,
          "Conntrack sees "
              + found.why()
              + ": it starts tracking "
              + entry.original().describe()
              + " (NEW, not yet confirmed).",
          skb.packet());
    }
    List<StateChange> changes = new ArrayList<>();
    if (found.before() != null) {
      String after = entry.line(engine.now());
      if (!after.equals(found.before())) {
        changes.add(
            new StateChange.Conntrack(
                ChainWalker.at(ns, place), Long.toString(entry.id()), found.before(), after));
      }
    }
    return engine.step(
        cause,
        ChainWalker.at(ns, place),
        StepKind.CT_LOOKUP,
        "Conntrack looks the packet up: "
            + found.why()
            + ", so its state is "
            + found.info().stateName()
            + ".",
        skb.packet(),
        changes);
  }

  /** Conntrack's confirmation: a new connection's entry enters the table. */
  private Passage confirm(NetNamespace ns, Hook hook, Skb skb, Cause cause) {
    ConntrackEntry entry = skb.conntrack();
    if (entry == null || entry.confirmed()) {
      return accepted(cause);
    }
    NetfilterPlace place = NetfilterPlace.hook(hook.name());
    if (!conntrack.confirm(ns, skb)) {
      Cause dropped =
          engine.drop(
              cause,
              ChainWalker.at(ns, place),
              "Conntrack cannot insert the new connection: another one already uses its tuples,"
                  + " so the packet is dropped.",
              skb.packet(),
              Disposition.CT_DROP);
      return new Passage(false, dropped);
    }
    String line = entry.line(engine.now());
    Cause confirmed =
        engine.step(
            cause,
            ChainWalker.at(ns, place),
            StepKind.CT_CONFIRM,
            "Conntrack confirms the new connection: its entry enters the table ("
                + line.strip()
                + ").",
            skb.packet(),
            List.of(
                new StateChange.Conntrack(
                    ChainWalker.at(ns, place), Long.toString(entry.id()), null, line)));
    return accepted(confirmed);
  }

  /**
   * The nat table: only a new connection's first packet walks it (once per kind of NAT); every
   * packet is then rewritten from the connection's bindings.
   */
  private Passage nat(NetNamespace ns, Hook hook, Skb skb, Evaluation e, Cause cause) {
    ConntrackEntry entry = skb.conntrack();
    if (entry == null) {
      return accepted(cause);
    }
    boolean destination = hook.rewritesDestination();
    Cause now = cause;
    if (!entry.confirmed() && !entry.natDecided(destination)) {
      if (chainOf(ns.netfilter(), TableKind.NAT, hook) != null) {
        Table table = ns.netfilter().table(TableKind.NAT);
        ChainWalker.Outcome outcome = walker.walk(ns, table, hook, e, now);
        now = outcome.cause();
        switch (outcome.verdict()) {
          case Target.Accept a -> {}
          case Target.Drop d -> {
            dropped(ns, hook, TableKind.NAT, skb, outcome);
            return new Passage(false, now);
          }
          default -> {
            Optional<String> failed = nat.bind(ns, hook, skb, outcome.verdict());
            if (failed.isPresent()) {
              Cause dropped =
                  engine.drop(
                      now,
                      ChainWalker.at(ns, NetfilterPlace.hook(hook.name())),
                      "NAT cannot translate the packet: " + failed.get() + ", so it is dropped.",
                      skb.packet(),
                      Disposition.NF_DROP);
              return new Passage(false, dropped);
            }
          }
        }
      }
      entry.decideNat(destination);
    }
    Ipv4Packet before = skb.packet();
    Ipv4Packet after = nat.translate(hook, skb);
    if (after == before || after.equals(before)) {
      return accepted(now);
    }
    skb.setPacket(after);
    if (!engine.tracer.recording()) {
      return accepted(engine.step(now, null, StepKind.NAT_REWRITE, null, after));
    }
    Cause rewritten =
        engine.step(
            now,
            ChainWalker.at(ns, NetfilterPlace.hook(hook.name())),
            StepKind.NAT_REWRITE,
            "NAT rewrites the "
                + (destination ? "destination" : "source")
                + ": "
                + endpoint(before, destination)
                + " becomes "
                + endpoint(after, destination)
                + (skb.ctInfo().isReply()
                    ? " (a reply: conntrack undoes the connection's translation)."
                    : "."),
            after);
    return accepted(rewritten);
  }

  private static String endpoint(Ipv4Packet packet, boolean destination) {
    Ipv4Address address = destination ? packet.dst() : packet.src();
    return switch (packet.payload()) {
      case TcpSegment tcp -> address + ":" + (destination ? tcp.dstPort() : tcp.srcPort());
      case io.packetwalk.net.packet.UdpDatagram udp ->
          address + ":" + (destination ? udp.dstPort() : udp.srcPort());
      default -> address.toString();
    };
  }

  /** What a non-terminal target does to the packet; returns a clause for the trace. */
  String act(NetNamespace ns, Target target, Evaluation e, NetfilterPlace place) {
    Skb skb = e.skb();
    return switch (target) {
      case Target.Mark mark -> {
        int old = skb.mark();
        skb.setMark(mark.apply(old));
        yield "MARK sets the packet's mark from 0x"
            + Integer.toHexString(old)
            + " to 0x"
            + Integer.toHexString(skb.mark());
      }
      case Target.Connmark connmark -> connmark(skb, connmark);
      case Target.Log log -> log(ns, log, e);
      case Target.Trace t -> {
        skb.setNfTrace(true);
        yield "TRACE marks the packet for tracing";
      }
      case Target.Notrack n -> {
        skb.attach(null, CtInfo.UNTRACKED);
        yield "the packet will not be tracked by conntrack (NOTRACK)";
      }
      default -> target.name();
    };
  }

  private static String connmark(Skb skb, Target.Connmark connmark) {
    ConntrackEntry entry = skb.conntrack();
    if (entry == null) {
      return "CONNMARK has no connection to work on";
    }
    long mask = connmark.mask();
    switch (connmark.mode()) {
      case "save" -> {
        entry.setMark((int) ((entry.mark() & ~mask) | (skb.mark() & mask)));
        return "CONNMARK saves the packet's mark into the connection (0x"
            + Integer.toHexString(entry.mark())
            + ")";
      }
      case "restore" -> {
        skb.setMark((int) ((skb.mark() & ~mask) | (entry.mark() & mask)));
        return "CONNMARK restores the connection's mark onto the packet (0x"
            + Integer.toHexString(skb.mark())
            + ")";
      }
      default -> {
        entry.setMark((int) ((entry.mark() & ~mask) ^ connmark.value()));
        return "CONNMARK sets the connection's mark to 0x" + Integer.toHexString(entry.mark());
      }
    }
  }

  /**
   * LOG: a line in the kernel log. Outside a host's root namespace the kernel prints nothing
   * (net.netfilter.nf_log_all_netns is 0), as the trace says.
   */
  private String log(NetNamespace ns, Target.Log log, Evaluation e) {
    if (!ns.isRoot()) {
      return "LOG would write to the kernel log, but the kernel prints nothing for namespaces other"
          + " than the host's own (net.netfilter.nf_log_all_netns=0)";
    }
    Ipv4Packet p = e.packet();
    String line =
        log.prefix()
            + "IN="
            + e.inName()
            + " OUT="
            + e.outName()
            + " SRC="
            + p.src()
            + " DST="
            + p.dst()
            + " LEN="
            + p.totalLength()
            + " TTL="
            + p.ttl()
            + " ID="
            + p.id()
            + (p.dontFragment() ? " DF" : "")
            + " PROTO="
            + p.payload().protocolName();
    ns.host().kernelLog().append(engine.now(), line);
    return "LOG writes \"" + line + "\" to the kernel log (dmesg)";
  }

  /** {@code -m addrtype}: the address's type in this namespace's routing tables. */
  /**
   * A packet that goes on from {@code cause}. Passages are immutable and a run that keeps no steps
   * hands out one cause, so the last one is reused rather than one made per hook and table.
   */
  private Passage accepted(Cause cause) {
    Passage passage = lastAccepted;
    if (passage.cause() != cause) {
      passage = new Passage(true, cause);
      lastAccepted = passage;
    }
    return passage;
  }

  /** {@code ns}'s address types for addrtype matches (kept for the namespace last asked about). */
  private AddressTypes addressTypes(NetNamespace ns) {
    if (typesOf != ns) {
      types = (a, dev) -> addressType(ns, a, dev);
      typesOf = ns;
    }
    return types;
  }

  private static String addressType(NetNamespace ns, Ipv4Address address, NetDevice limitTo) {
    if (address.isZero()) {
      return "UNSPEC";
    }
    if (address.isLimitedBroadcast()) {
      return "BROADCAST";
    }
    if (address.isMulticast()) {
      return "MULTICAST";
    }
    Optional<Route> route = ns.fib().lookup(address, null);
    if (route.isEmpty()) {
      return "UNREACHABLE";
    }
    Route found = route.get();
    if (limitTo != null && found.table() == Route.TABLE_LOCAL) {
      boolean onDevice =
          limitTo.addresses().stream().anyMatch(a -> a.local().equals(address))
              || found.type() != io.packetwalk.kernel.RouteType.LOCAL;
      if (!onDevice) {
        return "UNICAST";
      }
    }
    return switch (found.type()) {
      case LOCAL -> "LOCAL";
      case BROADCAST -> "BROADCAST";
      case BLACKHOLE -> "BLACKHOLE";
      case UNREACHABLE -> "UNREACHABLE";
      case PROHIBIT -> "PROHIBIT";
      default -> "UNICAST";
    };
  }
}
