package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Prefix;
import java.util.List;

/**
 * One rule of a chain: its base match, its {@code -m} matches, its target and its counters. The
 * rule's text in iptables-save form (without {@code -A CHAIN}) follows from those parts (built on
 * first use); two rules with the same text are the same rule to {@code -D} and {@code -C}.
 */
public final class Rule {

  private final IpMatch ip;
  private final List<Match> matches;
  private final Target target;
  private String spec;
  private final Counters counters = new Counters();

  public Rule(IpMatch ip, List<Match> matches, Target target) {
    this.ip = ip;
    this.matches = List.copyOf(matches);
    this.target = target;
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

  public Counters counters() {
    return counters;
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
    renamed.counters.set(counters.packets(), counters.bytes());
    return renamed;
  }

  public boolean test(Evaluation e) {
    if (!ip.test(e)) {
      return false;
    }
    for (Match match : matches) {
      if (!match.test(e)) {
        return false;
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
