package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.IpSets;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Match.PortRange;
import io.packetwalk.kernel.netfilter.StateNames;
import io.packetwalk.kernel.netfilter.TcpFlags;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code -m NAME} match while its options are being read: it claims the options it knows and
 * builds the finished {@link Match}. One subclass per match module.
 */
abstract class MatchBuilder {

  final String program;

  MatchBuilder(String program) {
    this.program = program;
  }

  /** The module's name, as {@code -m} gives it. */
  abstract String name();

  /** Takes {@code option} (and its values) if it is this module's; false if not. */
  abstract boolean option(String option, boolean inverted, Args args);

  abstract Match build();

  /** The module for {@code -m NAME}, if the simulator has it. */
  static Optional<MatchBuilder> of(String name, String program, IpSets sets) {
    return Optional.ofNullable(
        switch (name) {
          case "tcp" -> new Tcp(program);
          case "udp" -> new Udp(program);
          case "icmp" -> new Icmp(program);
          case "multiport" -> new Multiport(program);
          case "conntrack" -> new Conntrack(program);
          case "state" -> new StateMatch(program);
          case "mark" -> new Mark(program, false);
          case "connmark" -> new Mark(program, true);
          case "comment" -> new Comment(program);
          case "addrtype" -> new Addrtype(program);
          case "statistic" -> new Statistic(program);
          case "physdev" -> new Physdev(program);
          case "set" -> new SetMatch(program, sets);
          case "limit" -> new Limit(program);
          default -> null;
        });
  }

  RuntimeException bad(String message) {
    return IptablesError.usage(program, message);
  }

  /** {@code --sport}/{@code --dport} shared by tcp and udp. */
  abstract static class Ports extends MatchBuilder {
    PortRange src;
    boolean srcInverted;
    PortRange dst;
    boolean dstInverted;

    Ports(String program) {
      super(program);
    }

    boolean ports(String option, boolean inverted, Args args) {
      switch (option) {
        case "--sport", "--source-port" -> {
          src = Words.portRange(program, args.value(option));
          srcInverted = inverted;
        }
        case "--dport", "--destination-port" -> {
          dst = Words.portRange(program, args.value(option));
          dstInverted = inverted;
        }
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  static final class Tcp extends Ports {
    Set<TcpSegment.Flag> mask;
    Set<TcpSegment.Flag> set;
    boolean flagsInverted;

    Tcp(String program) {
      super(program);
    }

    @Override
    String name() {
      return "tcp";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (ports(option, inverted, args)) {
        return true;
      }
      switch (option) {
        case "--syn" -> {
          mask = TcpFlags.SYN_MASK;
          set = Set.of(TcpSegment.Flag.SYN);
          flagsInverted = inverted;
        }
        case "--tcp-flags" -> {
          String maskText = args.value(option);
          String setText = args.value(option);
          mask =
              TcpFlags.parse(maskText)
                  .orElseThrow(() -> bad("Unknown TCP flag `" + maskText + "'"));
          set =
              TcpFlags.parse(setText).orElseThrow(() -> bad("Unknown TCP flag `" + setText + "'"));
          flagsInverted = inverted;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      return new Match.Tcp(src, srcInverted, dst, dstInverted, mask, set, flagsInverted);
    }
  }

  static final class Udp extends Ports {
    Udp(String program) {
      super(program);
    }

    @Override
    String name() {
      return "udp";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      return ports(option, inverted, args);
    }

    @Override
    Match build() {
      return new Match.Udp(src, srcInverted, dst, dstInverted);
    }
  }

  static final class Icmp extends MatchBuilder {
    int type = -1;
    int code = -1;
    boolean inverted;

    Icmp(String program) {
      super(program);
    }

    @Override
    String name() {
      return "icmp";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (!option.equals("--icmp-type")) {
        return false;
      }
      String text = args.value(option);
      int[] parsed =
          IcmpTypes.parse(text).orElseThrow(() -> bad("Invalid ICMP type `" + text + "'"));
      type = parsed[0];
      code = parsed[1];
      this.inverted = inverted;
      return true;
    }

    @Override
    Match build() {
      if (type < 0) {
        return new Match.Icmp(255, -1, true);
      }
      return new Match.Icmp(type, code, inverted);
    }
  }

  static final class Multiport extends MatchBuilder {
    String which;
    List<PortRange> ranges;
    boolean inverted;

    Multiport(String program) {
      super(program);
    }

    @Override
    String name() {
      return "multiport";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      String kind =
          switch (option) {
            case "--sports", "--source-ports" -> "sports";
            case "--dports", "--destination-ports" -> "dports";
            case "--ports" -> "ports";
            default -> null;
          };
      if (kind == null) {
        return false;
      }
      which = kind;
      ranges = new ArrayList<>();
      for (String part : Words.list(args.value(option))) {
        ranges.add(Words.portRange(program, part));
      }
      if (ranges.size() > 15) {
        throw bad("too many ports specified");
      }
      this.inverted = inverted;
      return true;
    }

    @Override
    Match build() {
      if (which == null) {
        throw bad("multiport needs `--source-ports' or `--destination-ports'");
      }
      return new Match.Multiport(which, ranges, inverted);
    }
  }

  static final class Conntrack extends MatchBuilder {
    Set<String> states;
    boolean statesInverted;
    Ipv4Prefix origDst;
    boolean origDstInverted;
    PortRange origDstPort;
    boolean origDstPortInverted;
    Set<String> status;
    boolean statusInverted;

    Conntrack(String program) {
      super(program);
    }

    @Override
    String name() {
      return "conntrack";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      switch (option) {
        case "--ctstate" -> {
          String text = args.value(option);
          states =
              StateNames.parse(text, true).orElseThrow(() -> bad("Bad ctstate \"" + text + "\""));
          statesInverted = inverted;
        }
        case "--ctorigdst" -> {
          origDst = Words.network(program, args.value(option));
          origDstInverted = inverted;
        }
        case "--ctorigdstport" -> {
          origDstPort = Words.portRange(program, args.value(option));
          origDstPortInverted = inverted;
        }
        case "--ctstatus" -> {
          String text = args.value(option);
          status = new TreeSet<>();
          for (String word : Words.list(text)) {
            String upper = word.toUpperCase(Locale.ROOT);
            if (!Set.of("NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED").contains(upper)) {
              throw bad("Bad ctstatus \"" + word + "\"");
            }
            status.add(upper);
          }
          statusInverted = inverted;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      return new Match.Conntrack(
          states,
          statesInverted,
          origDst,
          origDstInverted,
          origDstPort,
          origDstPortInverted,
          status,
          statusInverted);
    }
  }

  static final class StateMatch extends MatchBuilder {
    Set<String> states;
    boolean inverted;

    StateMatch(String program) {
      super(program);
    }

    @Override
    String name() {
      return "state";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (!option.equals("--state")) {
        return false;
      }
      String text = args.value(option);
      states = StateNames.parse(text, false).orElseThrow(() -> bad("Bad state \"" + text + "\""));
      this.inverted = inverted;
      return true;
    }

    @Override
    Match build() {
      if (states == null) {
        throw bad("state match: You must specify \"--state\"");
      }
      return new Match.State(states, inverted);
    }
  }

  static final class Mark extends MatchBuilder {
    final boolean connmark;
    long value = -1;
    long mask;
    boolean inverted;

    Mark(String program, boolean connmark) {
      super(program);
      this.connmark = connmark;
    }

    @Override
    String name() {
      return connmark ? "connmark" : "mark";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (!option.equals("--mark")) {
        return false;
      }
      long[] parsed = Words.mark(program, args.value(option));
      value = parsed[0];
      mask = parsed[1];
      this.inverted = inverted;
      return true;
    }

    @Override
    Match build() {
      if (value < 0) {
        throw bad(name() + " match: You must specify \"--mark\"");
      }
      return connmark
          ? new Match.Connmark(value, mask, inverted)
          : new Match.Mark(value, mask, inverted);
    }
  }

  static final class Comment extends MatchBuilder {
    String text;

    Comment(String program) {
      super(program);
    }

    @Override
    String name() {
      return "comment";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (!option.equals("--comment")) {
        return false;
      }
      text = args.value(option);
      if (text.length() > 255) {
        throw bad("COMMENT must be shorter than 256 characters");
      }
      return true;
    }

    @Override
    Match build() {
      if (text == null) {
        throw bad("COMMENT match: You must specify `--comment'");
      }
      return new Match.Comment(text);
    }
  }

  static final class Addrtype extends MatchBuilder {
    private static final Set<String> TYPES =
        Set.of(
            "UNSPEC",
            "UNICAST",
            "LOCAL",
            "BROADCAST",
            "ANYCAST",
            "MULTICAST",
            "BLACKHOLE",
            "UNREACHABLE",
            "PROHIBIT",
            "THROW",
            "NAT",
            "XRESOLVE");
    Set<String> src;
    boolean srcInverted;
    Set<String> dst;
    boolean dstInverted;
    boolean limitIn;
    boolean limitOut;

    Addrtype(String program) {
      super(program);
    }

    @Override
    String name() {
      return "addrtype";
    }

    private Set<String> types(String text) {
      Set<String> types = new java.util.LinkedHashSet<>();
      for (String word : Words.list(text)) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(upper)) {
          throw bad("addrtype: bad type `" + word + "'");
        }
        types.add(upper);
      }
      return types;
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      switch (option) {
        case "--src-type" -> {
          src = types(args.value(option));
          srcInverted = inverted;
        }
        case "--dst-type" -> {
          dst = types(args.value(option));
          dstInverted = inverted;
        }
        case "--limit-iface-in" -> limitIn = true;
        case "--limit-iface-out" -> limitOut = true;
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      if (limitIn && limitOut) {
        throw bad("addrtype: you can't specify both --limit-iface-in and --limit-iface-out");
      }
      return new Match.Addrtype(src, srcInverted, dst, dstInverted, limitIn, limitOut);
    }
  }

  static final class Statistic extends MatchBuilder {
    String mode;
    double probability = -1;
    int every;
    int packet;
    boolean packetGiven;
    boolean inverted;

    Statistic(String program) {
      super(program);
    }

    @Override
    String name() {
      return "statistic";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      switch (option) {
        case "--mode" -> {
          mode = args.value(option);
          if (!mode.equals("random") && !mode.equals("nth")) {
            throw bad("Bad mode \"" + mode + "\"");
          }
        }
        case "--probability" -> {
          String text = args.value(option);
          try {
            probability = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            probability = -1;
          }
          if (!(probability >= 0 && probability <= 1)) {
            throw bad("--probability must be between 0 and 1");
          }
          this.inverted |= inverted;
        }
        case "--every" -> {
          every = (int) Words.number(program, args.value(option), "--every");
          if (every == 0) {
            throw bad("--every must be at least 1");
          }
          this.inverted |= inverted;
        }
        case "--packet" -> {
          packet = (int) Words.number(program, args.value(option), "--packet");
          packetGiven = true;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      if (mode == null) {
        throw bad("no mode specified");
      }
      if (mode.equals("random")) {
        if (probability < 0) {
          throw bad("--probability must be specified with --mode random");
        }
        return Match.Statistic.random(probability, inverted);
      }
      if (every == 0) {
        throw bad("--every must be specified with --mode nth");
      }
      if (!packetGiven) {
        throw bad("statistic: option \"--every\" also requires \"--packet\".\n");
      }
      if (packet >= every) {
        throw bad("--packet can only be 0 to every-1");
      }
      return Match.Statistic.nth(every, packet, inverted);
    }
  }

  static final class Physdev extends MatchBuilder {
    String in;
    boolean inInverted;
    String out;
    boolean outInverted;
    Boolean isIn;
    Boolean isOut;
    Boolean isBridged;

    Physdev(String program) {
      super(program);
    }

    @Override
    String name() {
      return "physdev";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      switch (option) {
        case "--physdev-in" -> {
          in = args.value(option);
          inInverted = inverted;
        }
        case "--physdev-out" -> {
          out = args.value(option);
          outInverted = inverted;
        }
        case "--physdev-is-in" -> isIn = !inverted;
        case "--physdev-is-out" -> isOut = !inverted;
        case "--physdev-is-bridged" -> isBridged = !inverted;
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      if (in == null && out == null && isIn == null && isOut == null && isBridged == null) {
        throw bad("PHYSDEV: no physdev option specified");
      }
      return new Match.Physdev(in, inInverted, out, outInverted, isIn, isOut, isBridged);
    }
  }

  static final class SetMatch extends MatchBuilder {
    final IpSets sets;
    String setName;
    List<String> directions;
    boolean inverted;

    SetMatch(String program, IpSets sets) {
      super(program);
      this.sets = sets;
    }

    @Override
    String name() {
      return "set";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      if (!option.equals("--match-set")) {
        return false;
      }
      setName = args.value(option);
      List<String> flags = Words.list(args.value(option));
      for (String flag : flags) {
        if (!flag.equals("src") && !flag.equals("dst")) {
          throw bad("You must specify (the comma separated list of) 'src' or 'dst'.");
        }
      }
      if (sets.get(setName).isEmpty()) {
        throw bad("Set " + setName + " doesn't exist.");
      }
      directions = flags;
      this.inverted = inverted;
      return true;
    }

    @Override
    Match build() {
      if (setName == null) {
        throw bad("You must specify `--match-set' with proper arguments");
      }
      return new Match.SetMember(setName, directions, inverted);
    }
  }

  static final class Limit extends MatchBuilder {
    long intervalNs = 1_000_000_000L * 3600 / 3;
    String rateText = "3/hour";
    int burst = 5;

    Limit(String program) {
      super(program);
    }

    @Override
    String name() {
      return "limit";
    }

    @Override
    boolean option(String option, boolean inverted, Args args) {
      switch (option) {
        case "--limit" -> {
          String text = args.value(option);
          int slash = text.indexOf('/');
          String count = slash < 0 ? text : text.substring(0, slash);
          String unit = slash < 0 ? "second" : text.substring(slash + 1);
          long seconds =
              switch (unit) {
                case "s", "sec", "second" -> 1;
                case "m", "min", "minute" -> 60;
                case "h", "hour" -> 3600;
                case "d", "day" -> 86_400;
                default -> -1;
              };
          long n;
          try {
            n = Long.parseLong(count);
          } catch (NumberFormatException e) {
            n = 0;
          }
          if (seconds < 0 || n <= 0 || n > 10_000) {
            throw bad("bad rate \"" + text + "\"'");
          }
          intervalNs = seconds * 1_000_000_000L / n;
          String shortUnit =
              switch ((int) seconds) {
                case 1 -> "sec";
                case 60 -> "min";
                case 3600 -> "hour";
                default -> "day";
              };
          rateText = n + "/" + shortUnit;
        }
        case "--limit-burst" -> {
          long value = Words.number(program, args.value(option), "--limit-burst");
          if (value == 0 || value > 10_000) {
            throw bad("bad --limit-burst `" + value + "'");
          }
          burst = (int) value;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Match build() {
      return new Match.Limit(intervalNs, rateText, burst);
    }
  }
}
