package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Prefix;
import java.util.List;

/**
 * One rule of a chain: its base match, its {@code -m} matches, its target and its counters (while
 * its table's {@link TableProgram} is in use, the program counts the packets and the rule adds them
 * up when asked). The rule's text in iptables-save form (without {@code -A CHAIN}) follows from
 * those parts (built on first use); two rules with the same text are the same rule to {@code -D}
 * and {@code -C}.
 */
public final class Rule {

  private final IpMatch ip;
  private final List<Match> matches;
  private final Target target;
  private String spec;
  private long packets;
  private long bytes;

  /**
   * The program that counts this rule's packets in its slot ({@link TableProgram}: counting there
   * writes next to what the walk just read), or null; the counts are {@link #packets} and {@link
   * #bytes} plus what it counted since.
   */
  private TableProgram countedBy;

  private int countedSlot;
  private Chain jumpsTo;
  private final boolean goesTo;

  private static final Match[] NO_MATCHES = new Match[0];

  /** The matches a packet can fail, in order (the others always match and are not tested). */
  private final Match[] tested;

  /**
   * The rule's words in a {@link TableProgram} slot that depend on the rule alone, made with the
   * rule (while its parts are in the CPU's cache) rather than when a program lays out the table.
   */
  private final long slotAddresses;

  private final long slotTests;

  public Rule(IpMatch ip, List<Match> matches, Target target) {
    this.ip = ip;
    this.matches = List.copyOf(matches);
    this.target = target;
    this.goesTo = target instanceof Target.Goto;
    this.tested = tested(this.matches);
    this.slotAddresses = TableProgram.addressWord(ip);
    this.slotTests = TableProgram.testWord(ip, tested.length);
  }

  private static Match[] tested(List<Match> matches) {
    int count = 0;
    for (Match match : matches) {
      count += match.alwaysMatches() ? 0 : 1;
    }
    if (count == 0) {
      return NO_MATCHES;
    }
    Match[] tested = new Match[count];
    int next = 0;
    for (Match match : matches) {
      if (!match.alwaysMatches()) {
        tested[next++] = match;
      }
    }
    return tested;
  }

  long slotAddresses() {
    return slotAddresses;
  }

  long slotTests() {
    return slotTests;
  }

  /** The matches a packet can fail, in order (an array the caller must not change). */
  Match[] tested() {
    return tested;
  }

  /** The save text, built when first asked for (a restore of many rules never needs most). */
  private String buildSpec() {
    StringBuilder text = new StringBuilder(160);
    ip.save(text);
    for (Match match : matches) {
      match.save(text);
    }
    target.save(text);
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }

  public IpMatch ip() {
    return ip;
  }

  public List<Match> matches() {
    return matches;
  }

  public Target target() {
    return target;
  }

  /** The rule's packet and byte counts now: its own, plus what its program counted since. */
  public Counts counters() {
    TableProgram program = countedBy;
    if (program == null) {
      return new Counts(packets, bytes);
    }
    return new Counts(
        packets + program.packetsSince(countedSlot), bytes + program.bytesSince(countedSlot));
  }

  /** Sets the counters ({@code -c}, or a restore's {@code [packets:bytes]}). */
  public void setCounters(long newPackets, long newBytes) {
    packets = newPackets;
    bytes = newBytes;
    if (countedBy != null) {
      countedBy.clearCounts(countedSlot);
    }
  }

  /**
   * From now on {@code program} counts the packets that match this rule, in {@code slot} (what
   * another program counted so far is taken into the rule's own counts first).
   */
  void countIn(TableProgram program, int slot) {
    settleCounts();
    countedBy = program;
    countedSlot = slot;
  }

  /** Whether {@code program} counts this rule's packets (in some slot). */
  boolean countedBy(TableProgram program) {
    return countedBy == program;
  }

  /** The slot its program counts this rule's packets in. */
  int countedSlot() {
    return countedSlot;
  }

  /** Whether {@code program} counts this rule's packets in {@code slot}. */
  boolean countedIn(TableProgram program, int slot) {
    return countedBy == program && countedSlot == slot;
  }

  /** Takes what the counting program counted into the rule's own counts; counts here again. */
  void settleCounts() {
    TableProgram program = countedBy;
    if (program != null) {
      packets += program.packetsSince(countedSlot);
      bytes += program.bytesSince(countedSlot);
      program.clearCounts(countedSlot);
      countedBy = null;
    }
  }

  public void zeroCounters() {
    setCounters(0, 0);
  }

  /**
   * Records the chain this rule's jump or goto names (found when the rule was read, or on first
   * use), so that the check at COMMIT and the walk need not look it up by name again.
   */
  public void jumpsTo(Chain chain) {
    if (!(target instanceof Target.Jump(String to) && to.equals(chain.name()))
        && !(target instanceof Target.Goto(String to2) && to2.equals(chain.name()))) {
      throw new IllegalArgumentException("the rule does not jump to " + chain.name());
    }
    jumpsTo = chain;
  }

  /**
   * The chain recorded by {@link #jumpsTo(Chain)} while it is still {@code table}'s chain of that
   * name (chains are never renamed in place), else null.
   */
  Chain jumpsTo(Table table) {
    Chain chain = jumpsTo;
    return chain != null && chain.table == table ? chain : null;
  }

  /** Whether the target is a goto ({@code -g}: no return to this chain) rather than a jump. */
  public boolean goesTo() {
    return goesTo;
  }

  /** The rule as iptables-save prints it after {@code -A CHAIN }. */
  public String spec() {
    if (spec == null) {
      spec = buildSpec();
    }
    return spec;
  }

  /** {@code -A CHAIN spec}. */
  public String text(String chain) {
    String text = spec();
    return text.isEmpty() ? "-A " + chain : "-A " + chain + " " + text;
  }

  /** The same rule with another target (a renamed chain), keeping its counters. */
  public Rule withTarget(Target newTarget) {
    Rule renamed = new Rule(ip, matches, newTarget);
    Counts counts = counters();
    renamed.setCounters(counts.packets(), counts.bytes());
    return renamed;
  }

  public boolean needsConntrack() {
    return target.needsConntrack() || matches.stream().anyMatch(Match::needsConntrack);
  }

  /** A prefix as iptables prints it: always with its length, {@code 10.0.0.0/8}. */
  static String prefixText(Ipv4Prefix prefix) {
    return prefix.network().address() + "/" + prefix.length();
  }
}
