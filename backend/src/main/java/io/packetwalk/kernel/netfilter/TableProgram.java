package io.packetwalk.kernel.netfilter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A table's rules laid out for walking, as the kernel keeps a table in one blob of {@code
 * ipt_entry} structs. Every chain's rules sit in one run of slots, and a chain a rule jumps to sits
 * right after the chain that first jumps to it (depth first from the built-in chains, in hook and
 * rule order): a packet's walk through one kube-proxy Service (KUBE-SERVICES → KUBE-SVC-… →
 * KUBE-SEP-…) then reads a few neighbouring cache lines instead of a dozen scattered objects.
 *
 * <p>A slot holds what testing its rule needs — addresses with masks, the protocol, flags — and
 * where its jump leads (the callee's number, first slot and size), so the walk follows a jump
 * without reading the rule or the chain object. The {@link Rule} itself is read once its rule
 * matched (to count, and for its target), or to test an interface or a second match. {@link
 * Table#program()} builds one on first use after any change to the table's chains.
 */
public final class TableProgram {

  /**
   * Longs per slot: source, destination, flags with protocol and callee number, callee place,
   * packets and bytes counted since the program was built.
   */
  private static final int WORDS = 6;

  /** References per slot: the rule, its first tested match (or null), its target. */
  private static final int REFS = 3;

  private static final long PROTOCOL = 0xff;
  private static final long SRC_INVERTED = 1 << 8;
  private static final long DST_INVERTED = 1 << 9;
  private static final long PROTOCOL_INVERTED = 1 << 10;
  private static final long INTERFACES = 1 << 11;
  private static final long MORE_TESTED = 1 << 12;
  private static final long JUMPS = 1 << 13;
  private static final long GOES = 1 << 14;

  /**
   * The slot's rule object sits in an earlier slot too (a table should never hold one rule twice):
   * the slot counts in that earlier slot, whose number its packets word holds.
   */
  private static final long COUNTS_ELSEWHERE = 1 << 15;

  private static final long MASK32 = 0xffff_ffffL;

  /** Per slot, {@link #WORDS} longs (see {@link #encode}). */
  private final long[] code;

  /** Per slot, {@link #REFS} references side by side. */
  private final Object[] refs;

  private final Chain[] chains;
  private final int[] starts;
  private final int[] builtinNumbers = new int[Hook.values().length];

  private TableProgram(int slots, int chainCount) {
    code = new long[slots * WORDS];
    refs = new Object[slots * REFS];
    chains = new Chain[chainCount];
    starts = new int[chainCount];
    Arrays.fill(builtinNumbers, -1);
  }

  /** Lays {@code table}'s chains out depth first from its built-in chains. */
  static TableProgram of(Table table) {
    TableProgram program = new TableProgram(table.ruleCount(), table.unorderedChains().size());
    Map<Chain, Integer> numbers = new IdentityHashMap<>();
    int[] next = {0, 0};
    for (Chain builtin : table.chains()) {
      if (builtin.isBuiltin()) {
        program.builtinNumbers[builtin.hook().ordinal()] =
            program.layOut(table, builtin, numbers, next);
      }
    }
    for (Chain chain : table.unorderedChains()) {
      program.layOut(table, chain, numbers, next);
    }
    for (int number = 0; number < next[0]; number++) {
      program.encodeChain(table, number, numbers);
    }
    return program;
  }

  /**
   * Gives {@code root} and every chain reachable from it that has no place yet a number and a run
   * of slots, depth first (each chain before the chains its rules jump to, in rule order).
   */
  private int layOut(Table table, Chain root, Map<Chain, Integer> numbers, int[] next) {
    Integer known = numbers.get(root);
    if (known != null) {
      return known;
    }
    Deque<Chain> chainPath = new ArrayDeque<>();
    Deque<Integer> rulePath = new ArrayDeque<>();
    place(root, numbers, next);
    chainPath.push(root);
    rulePath.push(0);
    while (!chainPath.isEmpty()) {
      Chain chain = chainPath.peek();
      int index = rulePath.pop();
      if (index >= chain.size()) {
        chainPath.pop();
        continue;
      }
      rulePath.push(index + 1);
      Chain callee = table.called(chain.rule(index));
      if (callee != null && !numbers.containsKey(callee)) {
        place(callee, numbers, next);
        chainPath.push(callee);
        rulePath.push(0);
      }
    }
    return numbers.get(root);
  }

  private void place(Chain chain, Map<Chain, Integer> numbers, int[] next) {
    int number = next[0]++;
    numbers.put(chain, number);
    chains[number] = chain;
    starts[number] = next[1];
    next[1] += chain.size();
  }

  private void encodeChain(Table table, int number, Map<Chain, Integer> numbers) {
    Chain chain = chains[number];
    for (int i = 0; i < chain.size(); i++) {
      encode(table, starts[number] + i, chain.rule(i), numbers);
    }
  }

  /**
   * Slot words: source (address, then mask in the high half; an absent address is mask 0, never
   * inverted), destination likewise, flags and protocol (callee number in the high half), callee's
   * first slot (its size in the high half).
   */
  private void encode(Table table, int slot, Rule rule, Map<Chain, Integer> numbers) {
    IpMatch ip = rule.ip();
    long flags = ip.protocol() & PROTOCOL;
    long src = 0;
    if (ip.src() != null) {
      src = (ip.src().address().bits() & MASK32) | ((long) ip.src().mask() << 32);
      flags |= ip.srcInverted() ? SRC_INVERTED : 0;
    }
    long dst = 0;
    if (ip.dst() != null) {
      dst = (ip.dst().address().bits() & MASK32) | ((long) ip.dst().mask() << 32);
      flags |= ip.dstInverted() ? DST_INVERTED : 0;
    }
    flags |= ip.protocolInverted() ? PROTOCOL_INVERTED : 0;
    flags |= ip.in() != null || ip.out() != null ? INTERFACES : 0;
    Match[] tested = rule.tested();
    flags |= tested.length > 1 ? MORE_TESTED : 0;
    long callee = 0;
    Chain called = table.called(rule);
    if (called != null) {
      int calleeNumber = numbers.get(called);
      flags |= rule.goesTo() ? GOES : JUMPS;
      flags |= (long) calleeNumber << 32;
      callee = (starts[calleeNumber] & MASK32) | ((long) called.size() << 32);
    }
    int at = slot * WORDS;
    code[at] = src;
    code[at + 1] = dst;
    code[at + 3] = callee;
    if (rule.countedBy(this)) {
      flags |= COUNTS_ELSEWHERE;
      code[at + 4] = rule.countedSlot();
    } else {
      rule.countIn(this, slot);
    }
    code[at + 2] = flags;
    refs[REFS * slot] = rule;
    refs[REFS * slot + 1] = tested.length == 0 ? null : tested[0];
    refs[REFS * slot + 2] = rule.target();
  }

  /** The number of the built-in chain of {@code hook}, or -1 when the table has none. */
  public int builtin(Hook hook) {
    return builtinNumbers[hook.ordinal()];
  }

  public Chain chain(int number) {
    return chains[number];
  }

  /** The slot of the chain's first rule. */
  public int start(int number) {
    return starts[number];
  }

  public int size(int number) {
    return chains[number].size();
  }

  public Rule rule(int slot) {
    return (Rule) refs[REFS * slot];
  }

  /** The target of the rule in {@code slot} (without reading the rule). */
  public Target target(int slot) {
    return (Target) refs[REFS * slot + 2];
  }

  /** Counts a packet of {@code length} bytes that matched the rule in {@code slot}. */
  public void count(int slot, int length) {
    int at = countingWord(slot);
    code[at]++;
    code[at + 1] += length;
  }

  /** Packets counted in {@code slot} since the program was built or the rule's counts were set. */
  long packetsSince(int slot) {
    return code[countingWord(slot)];
  }

  /** Bytes counted in {@code slot} since the program was built or the rule's counts were set. */
  long bytesSince(int slot) {
    return code[countingWord(slot) + 1];
  }

  void clearCounts(int slot) {
    int at = countingWord(slot);
    code[at] = 0;
    code[at + 1] = 0;
  }

  /** Where the packets count of {@code slot} is (the bytes count follows). */
  private int countingWord(int slot) {
    int at = slot * WORDS;
    if ((code[at + 2] & COUNTS_ELSEWHERE) != 0) {
      at = (int) code[at + 4] * WORDS;
    }
    return at + 4;
  }

  /** Takes every count into the rules (the program is dropped): they count for themselves again. */
  void settleCounts() {
    for (int slot = 0; slot < refs.length / REFS; slot++) {
      Rule rule = rule(slot);
      if (rule.countedIn(this, slot)) {
        rule.settleCounts();
      }
    }
  }

  /** Whether the rule in {@code slot} matches the packet: its base match, then each match. */
  public boolean matches(int slot, Evaluation e) {
    int at = slot * WORDS;
    var packet = e.packet();
    long src = code[at];
    long flags = code[at + 2];
    if ((((packet.src().bits() ^ (int) src) & (int) (src >>> 32)) == 0)
        == ((flags & SRC_INVERTED) != 0)) {
      return false;
    }
    long dst = code[at + 1];
    if ((((packet.dst().bits() ^ (int) dst) & (int) (dst >>> 32)) == 0)
        == ((flags & DST_INVERTED) != 0)) {
      return false;
    }
    int protocol = (int) (flags & PROTOCOL);
    if (protocol != 0
        && (packet.payload().protocolNumber() == protocol) == ((flags & PROTOCOL_INVERTED) != 0)) {
      return false;
    }
    if ((flags & INTERFACES) != 0 && !rule(slot).ip().test(e)) {
      return false;
    }
    Match first = (Match) refs[REFS * slot + 1];
    if (first == null) {
      return true;
    }
    if (!first.test(e)) {
      return false;
    }
    if ((flags & MORE_TESTED) != 0) {
      Match[] tested = rule(slot).tested();
      for (int i = 1; i < tested.length; i++) {
        if (!tested[i].test(e)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the rule in {@code slot} jumps ({@code -j}) to a chain of the table. */
  public boolean jumps(int slot) {
    return (code[slot * WORDS + 2] & JUMPS) != 0;
  }

  /** Whether the rule in {@code slot} goes ({@code -g}) to a chain of the table. */
  public boolean goes(int slot) {
    return (code[slot * WORDS + 2] & GOES) != 0;
  }

  /** The number of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeNumber(int slot) {
    return (int) (code[slot * WORDS + 2] >>> 32);
  }

  /** The first slot of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeStart(int slot) {
    return (int) code[slot * WORDS + 3];
  }

  /** The size of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeSize(int slot) {
    return (int) (code[slot * WORDS + 3] >>> 32);
  }
}
