package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.IpMatch;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.netfilter.IptablesRequest.Command;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the rule lines kube-proxy writes straight from a restore line's characters, without
 * splitting it into words or running the general {@link RuleParser}: {@code -A CHAIN}, then any of
 * {@code -s}, {@code -d} (addresses with a prefix length), {@code -p tcp|udp}, {@code -m comment
 * --comment TEXT}, {@code -m tcp|udp [--dport PORT]}, {@code -m statistic --mode random
 * --probability P}, and last {@code -j CHAIN} or {@code -j DNAT --to-destination ADDRESS[:PORT]}.
 *
 * <p>It only takes what it can build exactly as the general parser would: any other word or shape,
 * a repeated option, a quote it would have to unescape, or a value the general parser refuses or
 * reads in another way gives null, and the caller parses the line the general way (which then
 * builds the rule or reports the error). One reader serves one restore, a line at a time.
 *
 * <p>Chains are found by name as the line names them, first among the few chains named last
 * (kube-proxy appends to the chain its previous rule jumped to, or to the same chain again), so
 * that most lines need no copy of a chain name and no look-up in the table. A jump to a chain named
 * for the first time is looked for first in the block's declarations, after the last chain found
 * there (kube-proxy declares its chains in the order its rules first jump to them). A jump keeps
 * the chain it names ({@link Rule#jumpsTo(Chain)}) for the check at COMMIT and the walks.
 */
final class DirectRuleReader {

  private static final IptablesRequest.Format FORMAT =
      new IptablesRequest.Format(false, false, false, false);

  private String text;
  private int position;
  private int end;
  private int wordStart;
  private int wordEnd;
  private int commentStart;
  private int commentEnd;
  private final Match[] matches = new Match[8];
  private final Chain[] recent = new Chain[4];
  private int oldest;
  private Table table;
  private Chain jumpChain;
  private final List<Chain> declared = new ArrayList<>();
  private int expected;

  /*
   * The last base match, comment and port match built: consecutive kube-proxy rules often repeat
   * them (an endpoint's two rules share a comment; every DNAT rule has the same base match), and
   * these values never change, so a rule may share them with the rule before.
   */
  private IpMatch lastIp;
  private Match.Comment lastComment;

  /*
   * Port matches, random statistic matches (by probability) and DNAT targets built so far. Many
   * Services repeat them (port 80; a Service with n endpoints draws with the same n - 1
   * probabilities as every other; endpoints serve several Services) and none keeps state — a
   * random draw included —, so every rule shares one object per value: a packet's walk then finds
   * them in the CPU's caches instead of one object per rule spread over the heap.
   */
  private final Map<Object, Object> shared = new HashMap<>();
  private final Map<Double, Match> randomDraws = new HashMap<>();

  /** A rule line read directly: the request and the chain it appends to. */
  record Append(IptablesRequest request, Chain chain) {}

  /** Starts a block that builds {@code table}. */
  void begin(Table table) {
    this.table = table;
    Arrays.fill(recent, null);
    declared.clear();
    expected = 0;
  }

  /** The block declared {@code chain} (in this order). */
  void declared(Chain chain) {
    declared.add(chain);
  }

  /**
   * The append on the line {@code text[from, to)} (stripped, not a comment) of the block begun
   * last, or null when the general parser has to read it.
   */
  Append read(String text, int from, int to) {
    this.text = text;
    this.position = from;
    this.end = to;
    this.jumpChain = null;
    if (!next() || !is("-A") || !next()) {
      return null;
    }
    Chain chain = chain();
    if (chain == null) {
      return null;
    }
    Ipv4Prefix src = null;
    Ipv4Prefix dst = null;
    int protocol = 0;
    int count = 0;
    Target target = null;
    while (next()) {
      if (target != null || count == matches.length) {
        return null;
      }
      if (is("-s") || is("-d")) {
        boolean source = is("-s");
        if ((source ? src : dst) != null || !next()) {
          return null;
        }
        Ipv4Prefix prefix = prefix();
        if (prefix == null) {
          return null;
        }
        if (source) {
          src = prefix;
        } else {
          dst = prefix;
        }
      } else if (is("-p")) {
        if (protocol != 0 || !next()) {
          return null;
        }
        protocol = is("tcp") ? 6 : is("udp") ? 17 : 0;
        if (protocol == 0) {
          return null;
        }
      } else if (is("-m")) {
        Match match = next() ? module() : null;
        if (match == null) {
          return null;
        }
        matches[count++] = match;
      } else if (is("-j")) {
        target = next() ? target(protocol) : null;
        if (target == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    if (target == null) {
      return null;
    }
    IpMatch ip = lastIp;
    if (ip == null
        || !Objects.equals(ip.src(), src)
        || !Objects.equals(ip.dst(), dst)
        || ip.protocol() != protocol) {
      ip = new IpMatch(src, false, dst, false, null, false, null, false, protocol, false);
      lastIp = ip;
    }
    List<Match> built = count == 0 ? List.of() : List.of(Arrays.copyOf(matches, count));
    Rule rule = new Rule(ip, built, target);
    if (jumpChain != null) {
      rule.jumpsTo(jumpChain);
    }
    return new Append(
        new IptablesRequest(table.kind(), Command.APPEND, chain.name(), null, 0, rule, FORMAT),
        chain);
  }

  /** The table's chain the current word names, or null (none, or a word with quotes). */
  private Chain chain() {
    if (!isPlain()) {
      return null;
    }
    for (Chain chain : recent) {
      if (chain != null && is(chain.name()) && table.holds(chain)) {
        return chain;
      }
    }
    Chain found = null;
    if (expected < declared.size()) {
      Chain next = declared.get(expected);
      if (is(next.name()) && table.holds(next)) {
        found = next;
        expected++;
      }
    }
    if (found == null) {
      found = table.chain(text.substring(wordStart, wordEnd)).orElse(null);
    }
    if (found != null) {
      recent[oldest] = found;
      oldest = (oldest + 1) % recent.length;
    }
    return found;
  }

  /** The module after {@code -m} with its options, or null. */
  private Match module() {
    if (is("comment")) {
      if (!next() || !is("--comment") || !next()) {
        return null;
      }
      if (!comment()) {
        return null;
      }
      int length = commentEnd - commentStart;
      if (lastComment == null
          || lastComment.text().length() != length
          || !text.startsWith(lastComment.text(), commentStart)) {
        if (length > 255) {
          return null;
        }
        lastComment = new Match.Comment(text.substring(commentStart, commentEnd));
      }
      return lastComment;
    }
    if (is("tcp") || is("udp")) {
      boolean tcp = is("tcp");
      Match.PortRange ports = null;
      int mark = position;
      if (next() && is("--dport")) {
        int port = next() ? number(wordStart, wordEnd, 5) : -1;
        if (port < 0 || port > 65535) {
          return null;
        }
        ports = new Match.PortRange(port, port);
      } else {
        position = mark;
      }
      Match match =
          tcp
              ? new Match.Tcp(null, false, ports, false, null, null, false)
              : new Match.Udp(null, false, ports, false);
      return share(match);
    }
    if (is("statistic")) {
      if (!next() || !is("--mode") || !next() || !is("random")) {
        return null;
      }
      if (!next() || !is("--probability") || !next() || plainWord() == null) {
        return null;
      }
      double probability;
      try {
        probability = Double.parseDouble(text.substring(wordStart, wordEnd));
      } catch (NumberFormatException e) {
        return null;
      }
      if (probability < 0 || probability > 1) {
        return null;
      }
      return randomDraws.computeIfAbsent(probability, p -> Match.Statistic.random(p, false));
    }
    return null;
  }

  /** The target after {@code -j}: a chain, or DNAT to an address and port; else null. */
  private Target target(int protocol) {
    if (!isPlain()) {
      return null;
    }
    if (!is("DNAT")) {
      Chain chain = chain();
      String name = chain != null ? chain.name() : text.substring(wordStart, wordEnd);
      if (TargetBuilder.of(name, IptablesRestoreCommand.PROGRAM).isPresent()) {
        return null;
      }
      jumpChain = chain;
      return new Target.Jump(name);
    }
    if (!next() || !is("--to-destination") || !next()) {
      return null;
    }
    int colon = wordStart;
    while (colon < wordEnd && text.charAt(colon) != ':') {
      colon++;
    }
    long address = address(wordStart, colon);
    if (address < 0) {
      return null;
    }
    int port = 0;
    if (colon < wordEnd) {
      port = number(colon + 1, wordEnd, 5);
      if (port < 1 || port > 65535 || (protocol != 6 && protocol != 17)) {
        return null;
      }
    }
    Ipv4Address to = new Ipv4Address((int) address);
    return share(new Target.Dnat(new Target.NatRange(to, to, port, port), false, false));
  }

  /** The object equal to {@code value} built before, else {@code value} (remembered). */
  @SuppressWarnings("unchecked")
  private <T> T share(T value) {
    Object earlier = shared.putIfAbsent(value, value);
    return earlier == null ? value : (T) earlier;
  }

  /** {@code A.B.C.D/N} with N of one or two digits, as the network; else null. */
  private Ipv4Prefix prefix() {
    int slash = wordStart;
    while (slash < wordEnd && text.charAt(slash) != '/') {
      slash++;
    }
    long address = address(wordStart, slash);
    if (address < 0) {
      return null;
    }
    int length = slash == wordEnd ? 32 : number(slash + 1, wordEnd, 2);
    if (length < 0 || length > 32) {
      return null;
    }
    return new Ipv4Prefix(new Ipv4Address((int) address & Ipv4Prefix.mask(length)), length);
  }

  /** The dotted quad {@code text[from, to)} as {@link Ipv4Address#tryParse} reads it; else -1. */
  private long address(int from, int to) {
    long bits = 0;
    int i = from;
    for (int octet = 0; octet < 4; octet++) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 4 && isAsciiDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start || i - start > 3 || value > 255) {
        return -1;
      }
      bits = (bits << 8) | value;
      if (octet < 3) {
        if (i >= to || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
    }
    return i == to ? bits : -1;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The decimal number {@code text[from, to)} of 1 to {@code digits} digits; else -1. */
  private int number(int from, int to, int digits) {
    if (to <= from || to - from > digits) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isAsciiDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Finds the comment's text ({@link #commentStart} to {@link #commentEnd}): a plain word, or one
   * wholly in double quotes with no backslash; false for any other.
   */
  private boolean comment() {
    if (text.charAt(wordStart) != '"') {
      commentStart = wordStart;
      commentEnd = wordEnd;
      return isPlain();
    }
    int close = text.indexOf('"', wordStart + 1);
    if (close < 0 || close >= end) {
      return false;
    }
    for (int i = wordStart + 1; i < close; i++) {
      if (text.charAt(i) == '\\') {
        return false;
      }
    }
    if (close + 1 < end && !isBlank(text.charAt(close + 1))) {
      return false;
    }
    if (expands(wordStart + 1, close)) {
      return false;
    }
    position = close + 1;
    wordEnd = close + 1;
    commentStart = wordStart + 1;
    commentEnd = close;
    return true;
  }

  /** The current word when it holds no quote (which the general splitter would remove). */
  private String plainWord() {
    return isPlain() ? text.substring(wordStart, wordEnd) : null;
  }

  /** Whether the general parser reads the current word as it stands (no quotes, no flag group). */
  private boolean isPlain() {
    for (int i = wordStart; i < wordEnd; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        return false;
      }
    }
    return !expands(wordStart, wordEnd);
  }

  /**
   * Whether the general parser would take {@code text[from, to)} apart as grouped short flags
   * ({@code -abc}), as it does with every word, values included.
   */
  private boolean expands(int from, int to) {
    return to - from > 2 && text.charAt(from) == '-' && text.charAt(from + 1) != '-';
  }

  /** Moves to the next blank-separated word (quotes are not grouped here); false at the end. */
  private boolean next() {
    int i = position;
    while (i < end && isBlank(text.charAt(i))) {
      i++;
    }
    if (i == end) {
      position = i;
      return false;
    }
    wordStart = i;
    while (i < end && !isBlank(text.charAt(i))) {
      i++;
    }
    wordEnd = i;
    position = i;
    return true;
  }

  private boolean is(String word) {
    int length = word.length();
    return wordEnd - wordStart == length && text.startsWith(word, wordStart);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
