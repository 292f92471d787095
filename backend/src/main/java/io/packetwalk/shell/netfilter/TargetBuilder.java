package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Address;
import java.util.Optional;
import java.util.Set;

/** A {@code -j TARGET} while its options are read: claims its options, builds the target. */
abstract class TargetBuilder {

  private static final Set<String> REJECT_TYPES =
      Set.of(
          "icmp-net-unreachable",
          "icmp-host-unreachable",
          "icmp-port-unreachable",
          "icmp-proto-unreachable",
          "icmp-net-prohibited",
          "icmp-host-prohibited",
          "icmp-admin-prohibited",
          "tcp-reset");

  final String program;

  TargetBuilder(String program) {
    this.program = program;
  }

  abstract boolean option(String option, Args args);

  abstract Target build();

  RuntimeException bad(String message) {
    return IptablesError.usage(program, message);
  }

  /** {@code A} or {@code A-B}, each a port from 1 to 65535, as [first, last]. */
  int[] portRange(String text) {
    int dash = text.indexOf('-');
    String a = dash < 0 ? text : text.substring(0, dash);
    String b = dash < 0 ? text : text.substring(dash + 1);
    int first =
        Words.port(a).filter(x -> x > 0).orElseThrow(() -> bad("Port `" + a + "' not valid"));
    int last =
        Words.port(b).filter(x -> x > 0).orElseThrow(() -> bad("Port `" + b + "' not valid"));
    return new int[] {first, last};
  }

  /** The built-in target named {@code name}, if there is one (else it may be a chain). */
  static Optional<TargetBuilder> of(String name, String program) {
    return Optional.ofNullable(
        switch (name) {
          case "ACCEPT" -> simple(program, new Target.Accept());
          case "DROP" -> simple(program, new Target.Drop());
          case "RETURN" -> simple(program, new Target.Return());
          case "TRACE" -> simple(program, new Target.Trace());
          case "NOTRACK" -> simple(program, new Target.Notrack(true));
          case "REJECT" -> new Reject(program);
          case "LOG" -> new Log(program);
          case "MARK" -> new Mark(program);
          case "CONNMARK" -> new Connmark(program);
          case "DNAT", "SNAT" -> new Nat(program, name.equals("DNAT"));
          case "MASQUERADE", "REDIRECT" -> new Ports(program, name.equals("MASQUERADE"));
          case "CT" -> new Ct(program);
          default -> null;
        });
  }

  private static TargetBuilder simple(String program, Target target) {
    return new TargetBuilder(program) {
      @Override
      boolean option(String option, Args args) {
        return false;
      }

      @Override
      Target build() {
        return target;
      }
    };
  }

  static final class Reject extends TargetBuilder {
    String with = Target.Reject.DEFAULT;

    Reject(String program) {
      super(program);
    }

    @Override
    boolean option(String option, Args args) {
      if (!option.equals("--reject-with")) {
        return false;
      }
      String text = args.value(option);
      String canonical =
          switch (text) {
            case "icmp-net-unreachable", "net-unreach" -> "icmp-net-unreachable";
            case "icmp-host-unreachable", "host-unreach" -> "icmp-host-unreachable";
            case "icmp-port-unreachable", "port-unreach" -> "icmp-port-unreachable";
            case "icmp-proto-unreachable", "proto-unreach" -> "icmp-proto-unreachable";
            case "icmp-net-prohibited", "net-prohib" -> "icmp-net-prohibited";
            case "icmp-host-prohibited", "host-prohib" -> "icmp-host-prohibited";
            case "icmp-admin-prohibited", "admin-prohib" -> "icmp-admin-prohibited";
            case "tcp-reset", "tcp-rst" -> "tcp-reset";
            default -> null;
          };
      if (canonical == null || !REJECT_TYPES.contains(canonical)) {
        throw bad("unknown reject type \"" + text + "\"");
      }
      with = canonical;
      return true;
    }

    @Override
    Target build() {
      return new Target.Reject(with);
    }
  }

  static final class Log extends TargetBuilder {
    String prefix = "";
    int level = 4;

    Log(String program) {
      super(program);
    }

    @Override
    boolean option(String option, Args args) {
      switch (option) {
        case "--log-prefix" -> {
          prefix = args.value(option);
          if (prefix.length() > 29) {
            throw bad("Maximum prefix length 29 for --log-prefix");
          }
        }
        case "--log-level" -> {
          String text = args.value(option);
          level =
              switch (text) {
                case "emerg" -> 0;
                case "alert" -> 1;
                case "crit" -> 2;
                case "err", "error" -> 3;
                case "warning", "warn" -> 4;
                case "notice" -> 5;
                case "info" -> 6;
                case "debug" -> 7;
                default -> {
                  if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '7') {
                    yield text.charAt(0) - '0';
                  }
                  throw bad("log-level `" + text + "' unknown");
                }
              };
        }
        case "--log-tcp-sequence", "--log-tcp-options", "--log-ip-options", "--log-uid" -> {}
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Target build() {
      return new Target.Log(prefix, level);
    }
  }

  static final class Mark extends TargetBuilder {
    long value = -1;
    long mask;

    Mark(String program) {
      super(program);
    }

    @Override
    boolean option(String option, Args args) {
      long[] parsed;
      switch (option) {
        case "--set-xmark" -> {
          parsed = Words.mark(program, args.value(option));
          value = parsed[0];
          mask = parsed[1];
        }
        case "--set-mark" -> {
          parsed = Words.mark(program, args.value(option));
          value = parsed[0];
          mask = parsed[1] | parsed[0];
        }
        case "--or-mark" -> {
          value = Words.number(program, args.value(option), "mark");
          mask = value;
        }
        case "--and-mark" -> {
          mask = ~Words.number(program, args.value(option), "mark") & 0xffffffffL;
          value = 0;
        }
        case "--xor-mark" -> {
          value = Words.number(program, args.value(option), "mark");
          mask = 0;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Target build() {
      if (value < 0) {
        throw bad("MARK target: Parameter --set/and/or/xor-mark is required");
      }
      return new Target.Mark(value, mask);
    }
  }

  static final class Connmark extends TargetBuilder {
    String mode;
    long value;
    long mask = 0xffffffffL;

    Connmark(String program) {
      super(program);
    }

    @Override
    boolean option(String option, Args args) {
      switch (option) {
        case "--set-xmark", "--set-mark" -> {
          long[] parsed = Words.mark(program, args.value(option));
          mode = "set";
          value = parsed[0];
          mask = option.equals("--set-mark") ? parsed[1] | parsed[0] : parsed[1];
        }
        case "--save-mark" -> mode = "save";
        case "--restore-mark" -> mode = "restore";
        case "--mask", "--nfmask", "--ctmask" ->
            mask = Words.number(program, args.value(option), "mask");
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Target build() {
      if (mode == null) {
        throw bad("CONNMARK target: No operation specified");
      }
      return new Target.Connmark(mode, value, mask);
    }
  }

  static final class Nat extends TargetBuilder {
    final boolean destination;
    Target.NatRange range;
    boolean random;
    boolean randomFully;
    boolean persistent;

    Nat(String program, boolean destination) {
      super(program);
      this.destination = destination;
    }

    @Override
    boolean option(String option, Args args) {
      switch (option) {
        case "--to-destination", "--to-source", "--to" -> {
          if (option.equals("--to-destination") != destination && !option.equals("--to")) {
            return false;
          }
          range = range(args.value(option));
        }
        case "--random" -> random = true;
        case "--random-fully" -> {
          if (destination) {
            return false;
          }
          randomFully = true;
        }
        case "--persistent" -> persistent = true;
        default -> {
          return false;
        }
      }
      return true;
    }

    private Target.NatRange range(String text) {
      int colon = text.indexOf(':');
      String addresses = colon < 0 ? text : text.substring(0, colon);
      Ipv4Address first = null;
      Ipv4Address last = null;
      if (!addresses.isEmpty()) {
        int dash = addresses.indexOf('-');
        String a = dash < 0 ? addresses : addresses.substring(0, dash);
        String b = dash < 0 ? addresses : addresses.substring(dash + 1);
        first = Ipv4Address.tryParse(a).orElseThrow(() -> bad("Bad IP address \"" + a + "\""));
        last = Ipv4Address.tryParse(b).orElseThrow(() -> bad("Bad IP address \"" + b + "\""));
        if (first.unsigned() > last.unsigned()) {
          throw bad("Bad IP address \"" + addresses + "\"");
        }
      }
      int firstPort = 0;
      int lastPort = 0;
      if (colon >= 0) {
        String ports = text.substring(colon + 1);
        int[] range = portRange(ports);
        firstPort = range[0];
        lastPort = range[1];
        if (firstPort > lastPort) {
          throw bad("Port range `" + ports + "' not valid");
        }
      }
      return new Target.NatRange(first, last, firstPort, lastPort);
    }

    @Override
    Target build() {
      if (range == null) {
        throw bad("You must specify " + (destination ? "--to-destination" : "--to-source"));
      }
      return destination
          ? new Target.Dnat(range, random, persistent)
          : new Target.Snat(range, random, randomFully, persistent);
    }

    /** Whether the range gives ports (which needs -p tcp or udp). */
    boolean hasPorts() {
      return range != null && range.hasPorts();
    }
  }

  static final class Ports extends TargetBuilder {
    final boolean masquerade;
    int first;
    int last;
    boolean random;
    boolean randomFully;

    Ports(String program, boolean masquerade) {
      super(program);
      this.masquerade = masquerade;
    }

    @Override
    boolean option(String option, Args args) {
      switch (option) {
        case "--to-ports", "--to-port" -> {
          int[] range = portRange(args.value(option));
          first = range[0];
          last = range[1];
        }
        case "--random" -> random = true;
        case "--random-fully" -> {
          if (!masquerade) {
            return false;
          }
          randomFully = true;
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    Target build() {
      return masquerade
          ? new Target.Masquerade(first, last, random, randomFully)
          : new Target.Redirect(first, last, random);
    }

    boolean hasPorts() {
      return first > 0;
    }
  }

  static final class Ct extends TargetBuilder {
    boolean notrack;

    Ct(String program) {
      super(program);
    }

    @Override
    boolean option(String option, Args args) {
      if (!option.equals("--notrack")) {
        return false;
      }
      notrack = true;
      return true;
    }

    @Override
    Target build() {
      if (!notrack) {
        throw bad("CT: only --notrack is supported by this simulator");
      }
      return new Target.Notrack(false);
    }
  }
}
