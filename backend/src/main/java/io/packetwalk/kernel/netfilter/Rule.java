package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Prefix;
import java.util.Arrays;
import java.util.List;

/**
 * One rule of a chain: its base match, its {@code -m} matches, its target and its counters (kept in
 * the rule itself, so that counting a matched rule reads no other object). The rule's text in
 * iptables-save form (without {@code -A CHAIN}) follows from those parts (built on first use); two
 * rules with the same text are the same rule to {@code -D} and {@code -C}.
 */
public final class Rule {

  private final IpMatch ip;
  private final List<Match> matches;
  private final Target target;
  private String spec;
  private long packets;
  private long bytes;
  private Chain jumpsTo;
  private final boolean goesTo;

  /*
   * The base match's addresses and protocol copied out of the IpMatch (an absent address is mask 0,
   * never inverted), and the matches a packet can fail: testing a rule then reads this one object
   * until an address or the protocol decides, without following pointers to the IpMatch, its
   * prefixes and their addresses (cache misses, when rules are many).
   */
  private final int srcBits;
  private final int srcMask;
  private final boolean srcInverted;
  private final int dstBits;
  private final int dstMask;
  private final boolean dstInverted;
  private final boolean interfaces;
  private final int protocol;
  private final boolean protocolInverted;
  private final Match firstTested;
  private final Match[] moreTested;

  public Rule(IpMatch ip, List<Match> matches, Target target) {
    this.ip = ip;
    this.matches = List.copyOf(matches);
    this.target = target;
    this.goesTo = target instanceof Target.Goto;
    this.srcBits = ip.src() == null ? 0 : ip.src().address().bits();
    this.srcMask = ip.src() == null ? 0 : ip.src().mask();
    this.srcInverted = ip.src() != null && ip.srcInverted();
    this.dstBits = ip.dst() == null ? 0 : ip.dst().address().bits();
    this.dstMask = ip.dst() == null ? 0 : ip.dst().mask();
    this.dstInverted = ip.dst() != null && ip.dstInverted();
    this.interfaces = ip.in() != null || ip.out() != null;
    this.protocol = ip.protocol();
    this.protocolInverted = ip.protocolInverted();
    Match[] tested = tested(this.matches);
    this.firstTested = tested.length == 0 ? null : tested[0];
    this.moreTested = tested.length < 2 ? null : Arrays.copyOfRange(tested, 1, tested.length);
  }

  /*
   * The matches a packet can fail, in order: the first in a field of the rule (most rules have at
   * most one, a port or a statistic match, and need no array), the rest in an array.
   */
  private static Match[] tested(List<Match> matches) {
    return matches.stream().filter(match -> !match.alwaysMatches()).toArray(Match[]::new);
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

  /** The rule's packet and byte counts now. */
  public Counts counters() {
    return new Counts(packets, bytes);
  }

  /** Counts one packet of {@code length} bytes that matched the rule. */
  public void count(int length) {
    packets++;
    bytes += length;
  }

  /** Sets the counters ({@code -c}, or a restore's {@code [packets:bytes]}). */
  public void setCounters(long newPackets, long newBytes) {
    packets = newPackets;
    bytes = newBytes;
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
    renamed.setCounters(packets, bytes);
    return renamed;
  }

  /** Whether the packet matches: {@link IpMatch#test}, then each match in order. */
  public boolean test(Evaluation e) {
    var packet = e.packet();
    if ((((packet.src().bits() ^ srcBits) & srcMask) == 0) == srcInverted) {
      return false;
    }
    if ((((packet.dst().bits() ^ dstBits) & dstMask) == 0) == dstInverted) {
      return false;
    }
    if (protocol != 0 && (packet.payload().protocolNumber() == protocol) == protocolInverted) {
      return false;
    }
    if (interfaces && !ip.test(e)) {
      return false;
    }
    if (firstTested == null) {
      return true;
    }
    if (!firstTested.test(e)) {
      return false;
    }
    if (moreTested != null) {
      for (Match match : moreTested) {
        if (!match.test(e)) {
          return false;
        }
      }
    }
    return true;
  }

  public boolean needsConntrack() {
    return target.needsConntrack() || matches.stream().anyMatch(Match::needsConntrack);
  }

  /** A prefix as iptables prints it: always with its length, {@code 10.0.0.0/8}. */
  static String prefixText(Ipv4Prefix prefix) {
    return prefix.network().address() + "/" + prefix.length();
  }
}
