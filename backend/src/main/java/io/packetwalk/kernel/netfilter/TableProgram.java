package io.packetwalk.kernel.netfilter;

import java.util.Arrays;

/**
 * A table's rules laid out for walking, as the kernel keeps a table in one blob of {@code
 * ipt_entry} structs. Every chain's rules sit in one run of slots of one {@code long[]}, and a
 * chain a rule jumps to sits right after the chain that first jumps to it (depth first from the
 * built-in chains, in hook and rule order): a packet's walk through one kube-proxy Service
 * (KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…) then reads a few neighbouring cache lines instead of a
 * dozen scattered objects.
 *
 * <p>A slot holds all the walk reads and writes for its rule: addresses with prefix lengths, the
 * protocol, flags, its first tested match and its target (as indexes into small tables of the
 * distinct match and target objects, which rules share), where its jump leads (the callee's number,
 * first slot and size) and the packets and bytes it counted. The {@link Rule} itself is read only
 * to test an interface or a second match, and for the trace's texts. {@link Table#program()} builds
 * one on first use after any change to the table's chains; the rules add up its counts when asked
 * ({@link Rule#counters()}) and take them over when it is dropped.
 */
public final class TableProgram {

  /** Longs per slot (see {@link #encode}). */
  private static final int WORDS = 6;

  private static final int SRC_LENGTH_SHIFT = 0;
  private static final int DST_LENGTH_SHIFT = 6;
  private static final int PROTOCOL_SHIFT = 12;
  private static final long SRC_INVERTED = 1L << 20;
  private static final long DST_INVERTED = 1L << 21;
  private static final long PROTOCOL_INVERTED = 1L << 22;
  private static final long INTERFACES = 1L << 23;
  private static final long MORE_TESTED = 1L << 24;
  private static final long JUMPS = 1L << 25;
  private static final long GOES = 1L << 26;

  /**
   * The slot's rule object sits in an earlier slot too (a table should never hold one rule twice):
   * the slot counts in that earlier slot, whose number its packets word holds.
   */
  private static final long COUNTS_ELSEWHERE = 1L << 27;

  /** Bits 32–63 of the flags word: 1 + the index of the first tested match, 0 for none. */
  private static final int FIRST_MATCH_SHIFT = 32;

  private static final long MASK32 = 0xffff_ffffL;

  /** Per slot, {@link #WORDS} longs. */
  private final long[] code;

  private final Rule[] rules;
  private Match[] matchTable;
  private Target[] targetTable;
  private final Chain[] chains;
  private final int[] starts;
  private final int[] builtinNumbers = new int[Hook.values().length];

  /** While building: chains and slots given out so far. */
  private int placedChains;

  private int placedSlots;

  private TableProgram(int slots, int chainCount) {
    code = new long[slots * WORDS];
    rules = new Rule[slots];
    chains = new Chain[chainCount];
    starts = new int[chainCount];
    Arrays.fill(builtinNumbers, -1);
  }

  /** Lays {@code table}'s chains out depth first from its built-in chains. */
  static TableProgram of(Table table) {
    for (Chain chain : table.unorderedChains()) {
      chain.programNumber = -1;
    }
    TableProgram program = new TableProgram(table.ruleCount(), table.unorderedChains().size());
    DistinctObjects<Match> matches = new DistinctObjects<>();
    DistinctObjects<Target> targets = new DistinctObjects<>();
    Chain[] chainPath = new Chain[program.chains.length];
    int[] rulePath = new int[program.chains.length];
    for (Hook hook : Hook.values()) {
      Chain builtin = table.builtin(hook);
      if (builtin != null) {
        program.builtinNumbers[hook.ordinal()] =
            program.layOut(table, builtin, chainPath, rulePath, matches, targets);
      }
    }
    for (Chain chain : table.unorderedChains()) {
      program.layOut(table, chain, chainPath, rulePath, matches, targets);
    }
    program.matchTable = matches.all().toArray(Match[]::new);
    program.targetTable = targets.all().toArray(Target[]::new);
    return program;
  }

  /**
   * Gives {@code root} and every chain reachable from it that has no place yet a number and a run
   * of slots, depth first (each chain before the chains its rules jump to, in rule order); returns
   * the root's number. Each rule is encoded into its slot as the walk passes it (its callee has its
   * place by then). The paths (one entry per chain of the table) hold the walk's chains and their
   * next rules.
   */
  private int layOut(
      Table table,
      Chain root,
      Chain[] chainPath,
      int[] rulePath,
      DistinctObjects<Match> matches,
      DistinctObjects<Target> targets) {
    if (root.programNumber >= 0) {
      return root.programNumber;
    }
    int depth = 0;
    place(root);
    chainPath[0] = root;
    rulePath[0] = 0;
    while (depth >= 0) {
      Chain chain = chainPath[depth];
      int index = rulePath[depth];
      if (index >= chain.size()) {
        depth--;
        continue;
      }
      rulePath[depth] = index + 1;
      Rule rule = chain.rule(index);
      Chain callee = table.called(rule);
      boolean descend = callee != null && callee.programNumber < 0;
      if (descend) {
        place(callee);
      }
      encode(starts[chain.programNumber] + index, rule, callee, matches, targets);
      if (descend) {
        depth++;
        chainPath[depth] = callee;
        rulePath[depth] = 0;
      }
    }
    return root.programNumber;
  }

  private void place(Chain chain) {
    int number = placedChains++;
    chain.programNumber = number;
    chains[number] = chain;
    starts[number] = placedSlots;
    placedSlots += chain.size();
  }

  /**
   * The slot's words: 0, the source address (low half) and the destination address; 1, the flags
   * word (prefix lengths, protocol, inversions and kinds, then 1 + the first tested match's index
   * in the high half); 2, the callee's number and its first slot (high half); 3, the callee's size
   * and the target's index (high half; none for a jump or goto to a chain of the table); 4 and 5,
   * packets and bytes counted. An absent address is prefix length 0, never inverted.
   */
  private void encode(
      int slot,
      Rule rule,
      Chain called,
      DistinctObjects<Match> matches,
      DistinctObjects<Target> targets) {
    long flags = rule.slotTests();
    Match[] tested = rule.tested();
    flags |= tested.length == 0 ? 0 : (long) (matches.indexOf(tested[0]) + 1) << FIRST_MATCH_SHIFT;
    long callee = 0;
    long calleeSize = 0;
    int targetIndex = 0;
    if (called == null) {
      targetIndex = targets.indexOf(rule.target());
    } else {
      int calleeNumber = called.programNumber;
      flags |= rule.goesTo() ? GOES : JUMPS;
      callee = (calleeNumber & MASK32) | ((long) starts[calleeNumber] << 32);
      calleeSize = called.size();
    }
    int at = slot * WORDS;
    if (rule.countedBy(this)) {
      flags |= COUNTS_ELSEWHERE;
      code[at + 4] = rule.countedSlot();
    } else {
      rule.countIn(this, slot);
    }
    code[at] = rule.slotAddresses();
    code[at + 1] = flags;
    code[at + 2] = callee;
    code[at + 3] = calleeSize | ((long) targetIndex << 32);
    rules[slot] = rule;
  }

  /** Word 0 of a rule's slot: its source address (low half) and destination address. */
  static long addressWord(IpMatch ip) {
    long addresses = 0;
    if (ip.src() != null) {
      addresses |= ip.src().address().bits() & MASK32;
    }
    if (ip.dst() != null) {
      addresses |= (long) ip.dst().address().bits() << 32;
    }
    return addresses;
  }

  /**
   * The part of word 1 of a rule's slot that follows from the rule alone: prefix lengths, protocol,
   * inversions, whether interfaces or a second match must be tested.
   */
  static long testWord(IpMatch ip, int testedMatches) {
    long flags = (long) ip.protocol() << PROTOCOL_SHIFT;
    if (ip.src() != null) {
      flags |= (long) ip.src().length() << SRC_LENGTH_SHIFT;
      flags |= ip.srcInverted() ? SRC_INVERTED : 0;
    }
    if (ip.dst() != null) {
      flags |= (long) ip.dst().length() << DST_LENGTH_SHIFT;
      flags |= ip.dstInverted() ? DST_INVERTED : 0;
    }
    flags |= ip.protocolInverted() ? PROTOCOL_INVERTED : 0;
    flags |= ip.in() != null || ip.out() != null ? INTERFACES : 0;
    flags |= testedMatches > 1 ? MORE_TESTED : 0;
    return flags;
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
    return rules[slot];
  }

  /** The target of the rule in {@code slot} (without reading the rule). */
  public Target target(int slot) {
    return targetTable[(int) (code[slot * WORDS + 3] >>> 32)];
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
    if ((code[at + 1] & COUNTS_ELSEWHERE) != 0) {
      at = (int) code[at + 4] * WORDS;
    }
    return at + 4;
  }

  /** Takes every count into the rules (the program is dropped): they count for themselves again. */
  void settleCounts() {
    for (int slot = 0; slot < rules.length; slot++) {
      Rule rule = rules[slot];
      if (rule.countedIn(this, slot)) {
        rule.settleCounts();
      }
    }
  }

  /** Whether the rule in {@code slot} matches the packet: its base match, then each match. */
  public boolean matches(int slot, Evaluation e) {
    int at = slot * WORDS;
    var packet = e.packet();
    long addresses = code[at];
    long flags = code[at + 1];
    if ((((packet.src().bits() ^ (int) addresses) & mask(flags >>> SRC_LENGTH_SHIFT)) == 0)
        == ((flags & SRC_INVERTED) != 0)) {
      return false;
    }
    if ((((packet.dst().bits() ^ (int) (addresses >>> 32)) & mask(flags >>> DST_LENGTH_SHIFT)) == 0)
        == ((flags & DST_INVERTED) != 0)) {
      return false;
    }
    int protocol = (int) (flags >>> PROTOCOL_SHIFT) & 0xff;
    if (protocol != 0
        && (packet.payload().protocolNumber() == protocol) == ((flags & PROTOCOL_INVERTED) != 0)) {
      return false;
    }
    if ((flags & INTERFACES) != 0 && !rules[slot].ip().test(e)) {
      return false;
    }
    int firstMatch = (int) (flags >>> FIRST_MATCH_SHIFT);
    if (firstMatch == 0) {
      return true;
    }
    if (!matchTable[firstMatch - 1].test(e)) {
      return false;
    }
    if ((flags & MORE_TESTED) != 0) {
      Match[] tested = rules[slot].tested();
      for (int i = 1; i < tested.length; i++) {
        if (!tested[i].test(e)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The network mask of a prefix length held in the low six bits of {@code length}. */
  private static int mask(long length) {
    int bits = (int) length & 0x3f;
    return bits == 0 ? 0 : -1 << (32 - bits);
  }

  /** Whether the rule in {@code slot} jumps ({@code -j}) to a chain of the table. */
  public boolean jumps(int slot) {
    return (code[slot * WORDS + 1] & JUMPS) != 0;
  }

  /** Whether the rule in {@code slot} goes ({@code -g}) to a chain of the table. */
  public boolean goes(int slot) {
    return (code[slot * WORDS + 1] & GOES) != 0;
  }

  /** The number of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeNumber(int slot) {
    return (int) code[slot * WORDS + 2];
  }

  /** The first slot of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeStart(int slot) {
    return (int) (code[slot * WORDS + 2] >>> 32);
  }

  /** The size of the chain the rule in {@code slot} jumps or goes to. */
  public int calleeSize(int slot) {
    return (int) code[slot * WORDS + 3];
  }
}
