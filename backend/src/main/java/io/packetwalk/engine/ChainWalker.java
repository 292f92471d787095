package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.Evaluation;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.RuleIndex;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableProgram;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.trace.Location;
import io.packetwalk.trace.NetfilterPlace;
import io.packetwalk.trace.StateChange;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;

/**
 * ipt_do_table: one packet walks one table's built-in chain for one hook — rules in order, jumps
 * pushing a return point, gotos not, RETURN and the end of a user chain popping back, the policy at
 * the end of the built-in chain. Non-terminal targets (LOG, MARK, CONNMARK, TRACE, NOTRACK) act and
 * the walk goes on. Counters count as the kernel counts. Runs of rules that did not match are
 * folded into one step.
 *
 * <p>The walk reads the table's {@link TableProgram} — the rules laid out in slots, with their
 * counters — and goes to the {@link Rule} and {@link Chain} objects only for the trace's texts.
 *
 * <p>In a long chain the walk asks the chain's {@link RuleIndex} for the next rule that can match
 * the packet's destination and passes over the others without testing them: the kernel walks
 * KUBE-SERVICES linearly, but the first rule that matches, the counters and the folded steps come
 * out the same.
 */
final class ChainWalker {

  /** Rule texts a folded step keeps for the reader; the rest are only counted. */
  static final int FOLDED_DETAILS = 25;

  /** How deep jumps may nest before the walk gives up (the kernel refuses loops at load time). */
  static final int MAX_DEPTH = 64;

  /** Chains shorter than this are walked rule by rule: the index would not pay for itself. */
  static final int INDEXED_FROM = RuleIndex.WORTH_FROM;

  /**
   * How a walk ended: the deciding target (ACCEPT, DROP, REJECT or a NAT target; ACCEPT or DROP for
   * a policy), the rule that decided (its slot in the table's program, -1 for a policy) with its
   * chain (by number in the program) and number: rule and chain are looked up only when asked for.
   */
  record Outcome(
      Target verdict, TableProgram program, int chainNumber, int slot, int number, Cause cause) {

    boolean isPolicy() {
      return slot < 0;
    }

    /** The rule that decided, or null for a policy. */
    Rule rule() {
      return slot < 0 ? null : program.rule(slot);
    }

    Chain chain() {
      return program.chain(chainNumber);
    }
  }

  /**
   * Where jumps return to: the calling chains (their numbers, first slots and sizes in the table's
   * program) and the rule after each jump, innermost last. One stack serves every walk of this
   * walker (walks do not nest), so a packet's walk allocates none.
   */
  private final int[] returnChains = new int[MAX_DEPTH];

  private final int[] returnStarts = new int[MAX_DEPTH];
  private final int[] returnSizes = new int[MAX_DEPTH];
  private final int[] returnRules = new int[MAX_DEPTH];

  private final Engine engine;
  private final int indexedFrom;

  ChainWalker(Engine engine) {
    this(engine, INDEXED_FROM);
  }

  /** {@code indexedFrom}: the shortest chain the walk uses an index for (tests vary it). */
  ChainWalker(Engine engine, int indexedFrom) {
    this.engine = engine;
    this.indexedFrom = indexedFrom;
  }

  Outcome walk(NetNamespace ns, Table table, Hook hook, Evaluation e, Cause cause) {
    String tableId = table.kind().id();
    TableProgram program = table.program();
    Chain base = table.builtin(hook);
    int depth = 0;
    int number = program.builtin(hook);
    int start = program.start(number);
    int size = base.size();
    int index = 0;
    Cause now = enter(ns, hook, tableId, base, cause, e, false);
    Folded skipped = new Folded(engine.tracer.recording());
    int length = e.packet().totalLength();
    while (true) {
      if (size >= indexedFrom && index < size) {
        RuleIndex candidates = program.chain(number).index();
        if (candidates.keyed() > 0) {
          int next = candidates.next(index, e.packet().dst().bits());
          if (next > index) {
            skipped.addRange(index, next, program, number);
            index = next;
          }
        }
      }
      if (index >= size) {
        now = skipped.flush(this, ns, hook, tableId, program, number, now, e);
        if (depth == 0) {
          return policy(ns, hook, tableId, program, base, now, e, length);
        }
        depth--;
        number = returnChains[depth];
        start = returnStarts[depth];
        size = returnSizes[depth];
        index = returnRules[depth];
        now = enter(ns, hook, tableId, program.chain(number), now, e, true);
        continue;
      }
      int slot = start + index;
      if (!program.matches(slot, e)) {
        skipped.add(index, program, number);
        index++;
        continue;
      }
      now = skipped.flush(this, ns, hook, tableId, program, number, now, e);
      NetfilterPlace place = null;
      List<StateChange> counted = List.of();
      if (engine.tracer.recording()) {
        Rule rule = program.rule(slot);
        String chainName = program.chain(number).name();
        String before = rule.counters().toString();
        program.count(slot, length);
        place =
            NetfilterPlace.chain(hook.name(), tableId, chainName)
                .rule(index + 1, rule.text(chainName));
        counted =
            List.of(
                new StateChange.Counter(
                    at(ns, place),
                    tableId + " " + chainName + " " + (index + 1),
                    before,
                    rule.counters().toString()));
      } else {
        program.count(slot, length);
      }
      boolean goes = program.goes(slot);
      if (goes || program.jumps(slot)) {
        int callee = program.calleeNumber(slot);
        if (goes) {
          now =
              matched(
                  ns,
                  place,
                  now,
                  e,
                  place == null
                      ? null
                      : "goes to " + program.chain(callee).name() + " (no return here)",
                  counted);
        } else if (depth < MAX_DEPTH) {
          now =
              matched(
                  ns,
                  place,
                  now,
                  e,
                  place == null ? null : "jumps to " + program.chain(callee).name(),
                  counted);
          returnChains[depth] = number;
          returnStarts[depth] = start;
          returnSizes[depth] = size;
          returnRules[depth] = index + 1;
          depth++;
        } else {
          index++;
          continue;
        }
        number = callee;
        start = program.calleeStart(slot);
        size = program.calleeSize(slot);
        index = 0;
        now = enter(ns, hook, tableId, program.chain(number), now, e, false);
        continue;
      }
      Target target = program.target(slot);
      switch (target) {
        case Target.Jump j -> index++; // its chain is gone: the rule only counts
        case Target.Goto g -> index++;
        case Target.Return r -> {
          now = matched(ns, place, now, e, "returns", counted);
          index = size; // RETURN ends the chain as reaching its end does
        }
        case Target.None n -> {
          now = matched(ns, place, now, e, "has no target: it only counts", counted);
          index++;
        }
        case Target.Accept a -> {
          Cause decided =
              verdict(
                  ns,
                  place,
                  now,
                  e,
                  place == null
                      ? null
                      : "ACCEPT: the packet leaves the " + tableId + " table's " + hook + " chains",
                  counted);
          return new Outcome(target, program, number, slot, index + 1, decided);
        }
        default -> {
          if (isTerminal(target)) {
            Cause decided =
                matched(ns, place, now, e, place == null ? null : describe(target), counted);
            return new Outcome(target, program, number, slot, index + 1, decided);
          }
          now = matched(ns, place, now, e, engine.netfilter.act(ns, target, e, place), counted);
          index++;
        }
      }
    }
  }

  private static boolean isTerminal(Target target) {
    return switch (target) {
      case Target.Drop d -> true;
      case Target.Reject r -> true;
      case Target.Dnat d -> true;
      case Target.Snat s -> true;
      case Target.Masquerade m -> true;
      case Target.Redirect r -> true;
      default -> false;
    };
  }

  private static String describe(Target target) {
    return switch (target) {
      case Target.Drop d -> "DROP";
      case Target.Reject r -> "REJECT with " + r.with();
      case Target.Dnat d -> "DNAT to " + d.to().text();
      case Target.Snat s -> "SNAT to " + s.to().text();
      case Target.Masquerade m -> "MASQUERADE (SNAT to the outgoing device's address)";
      case Target.Redirect r ->
          "REDIRECT to this namespace" + (r.firstPort() > 0 ? " port " + r.firstPort() : "");
      default -> target.name();
    };
  }

  private Outcome policy(
      NetNamespace ns,
      Hook hook,
      String tableId,
      TableProgram program,
      Chain base,
      Cause cause,
      Evaluation e,
      int length) {
    boolean accept = base.policyAccept();
    if (!engine.tracer.recording()) {
      if (base.countsPolicy()) {
        base.policyCounters().count(length);
      }
      Cause decided = engine.step(cause, null, StepKind.NF_VERDICT, null, e.packet(), List.of());
      return new Outcome(
          accept ? new Target.Accept() : new Target.Drop(),
          program,
          program.builtin(hook),
          -1,
          0,
          decided);
    }
    String before = base.policyCounters().toString();
    if (base.countsPolicy()) {
      base.policyCounters().count(length);
    }
    NetfilterPlace place = NetfilterPlace.chain(hook.name(), tableId, base.name());
    Cause decided =
        engine.step(
            cause,
            at(ns, place),
            StepKind.NF_VERDICT,
            "The end of "
                + tableId
                + " "
                + base.name()
                + " is reached: its policy "
                + base.policyName()
                + (accept ? " lets the packet go on." : " drops the packet."),
            e.packet(),
            List.of(
                new StateChange.Counter(
                    at(ns, place),
                    tableId + " " + base.name() + " policy",
                    before,
                    base.policyCounters().toString())));
    return new Outcome(
        accept ? new Target.Accept() : new Target.Drop(),
        program,
        program.builtin(hook),
        -1,
        0,
        decided);
  }

  private Cause enter(
      NetNamespace ns,
      Hook hook,
      String tableId,
      Chain chain,
      Cause cause,
      Evaluation e,
      boolean returning) {
    if (!engine.tracer.recording()) {
      return engine.step(cause, null, StepKind.NF_CHAIN, null, e.packet());
    }
    NetfilterPlace place = NetfilterPlace.chain(hook.name(), tableId, chain.name());
    String sentence =
        returning
            ? "Back in " + chain.name() + ", the walk goes on after the rule that jumped."
            : "The packet walks the "
                + tableId
                + " table's "
                + chain.name()
                + " chain ("
                + chain.size()
                + (chain.size() == 1 ? " rule" : " rules")
                + (chain.isBuiltin() ? ", policy " + chain.policyName() : "")
                + ").";
    return engine.step(cause, at(ns, place), StepKind.NF_CHAIN, sentence, e.packet());
  }

  private Cause matched(
      NetNamespace ns,
      NetfilterPlace place,
      Cause cause,
      Evaluation e,
      String what,
      List<StateChange> changes) {
    return ruleStep(StepKind.NF_RULE_MATCH, ns, place, cause, e, what, changes);
  }

  private Cause verdict(
      NetNamespace ns,
      NetfilterPlace place,
      Cause cause,
      Evaluation e,
      String what,
      List<StateChange> changes) {
    return ruleStep(StepKind.NF_VERDICT, ns, place, cause, e, what, changes);
  }

  /** A step about the rule at {@code place} ({@code place} null: nobody records sentences). */
  private Cause ruleStep(
      StepKind kind,
      NetNamespace ns,
      NetfilterPlace place,
      Cause cause,
      Evaluation e,
      String what,
      List<StateChange> changes) {
    if (place == null) {
      return engine.step(cause, null, kind, null, e.packet(), changes);
    }
    return engine.step(
        cause,
        at(ns, place),
        kind,
        "Rule " + place.rule() + " of " + place.chain() + " matches: " + what + ".",
        e.packet(),
        changes);
  }

  static Location at(NetNamespace ns, NetfilterPlace place) {
    return Engine.at(ns).in(place);
  }

  /** Rules that did not match since the last step, to be told as one. */
  private static final class Folded {

    private int first = -1;
    private int last;
    private int count;
    private final List<String> texts = new ArrayList<>();
    private final boolean keepTexts;

    Folded(boolean keepTexts) {
      this.keepTexts = keepTexts;
    }

    /** Rules {@code from} up to (not including) {@code to}, passed over by the index. */
    void addRange(int from, int to, TableProgram program, int number) {
      if (first < 0) {
        first = from;
      }
      last = to - 1;
      count += to - from;
      if (keepTexts) {
        Chain chain = program.chain(number);
        for (int i = from; i < to && texts.size() < FOLDED_DETAILS; i++) {
          texts.add((i + 1) + ": " + chain.rule(i).text(chain.name()));
        }
      }
    }

    void add(int index, TableProgram program, int number) {
      if (first < 0) {
        first = index;
      }
      last = index;
      count++;
      if (keepTexts && texts.size() < FOLDED_DETAILS) {
        Chain chain = program.chain(number);
        texts.add((index + 1) + ": " + chain.rule(index).text(chain.name()));
      }
    }

    Cause flush(
        ChainWalker walker,
        NetNamespace ns,
        Hook hook,
        String tableId,
        TableProgram program,
        int number,
        Cause cause,
        Evaluation e) {
      if (count == 0) {
        return cause;
      }
      if (!walker.engine.tracer.recording()) {
        first = -1;
        count = 0;
        texts.clear();
        return walker.engine.step(cause, null, StepKind.NF_RULES_SKIPPED, null, e.packet());
      }
      Chain chain = program.chain(number);
      List<String> details = new ArrayList<>(texts);
      if (count > texts.size()) {
        details.add("… and " + (count - texts.size()) + " more");
      }
      String which =
          count == 1
              ? "Rule " + (first + 1) + " of " + chain.name() + " does not match"
              : count
                  + " rules of "
                  + chain.name()
                  + " ("
                  + (first + 1)
                  + "–"
                  + (last + 1)
                  + ") do not match";
      Cause folded =
          walker.engine.tracer.record(
              cause,
              walker.engine.now(),
              at(ns, NetfilterPlace.chain(hook.name(), tableId, chain.name())),
              StepKind.NF_RULES_SKIPPED,
              which + ".",
              e.packet(),
              null,
              List.of(),
              details);
      first = -1;
      count = 0;
      texts.clear();
      return folded;
    }
  }
}
