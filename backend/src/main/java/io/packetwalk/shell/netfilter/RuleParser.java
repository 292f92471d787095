package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.IpMatch;
import io.packetwalk.kernel.netfilter.IpSets;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Protocols;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.netfilter.IptablesRequest.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads an iptables command line as iptables-nft 1.8.9 does: the command, the table, the listing
 * flags and the rule specification with its {@code -m} modules and target options, refusing what
 * iptables refuses with its own words. Parsing never changes the ruleset.
 */
final class RuleParser {

  private final String program;
  private final Function<TableKind, Optional<Table>> tables;
  private final IpSets sets;
  private final boolean deferJumpCheck;

  private Command command;
  private String chain;
  private String argument;
  private int number;
  private TableKind table = TableKind.FILTER;
  private boolean numeric;
  private boolean verbose;
  private boolean exact;
  private boolean lineNumbers;

  private Ipv4Prefix src;
  private boolean srcInverted;
  private Ipv4Prefix dst;
  private boolean dstInverted;
  private String in;
  private boolean inInverted;
  private String out;
  private boolean outInverted;
  private int protocol;
  private boolean protocolInverted;
  private final List<MatchBuilder> matches = new ArrayList<>();
  private String targetName;
  private boolean goTo;
  private TargetBuilder target;

  /**
   * {@code tables} gives the namespace's existing tables (to check that a jump's chain exists);
   * {@code sets} its ipsets.
   */
  RuleParser(String program, Function<TableKind, Optional<Table>> tables, IpSets sets) {
    this(program, tables, sets, false);
  }

  /**
   * {@code deferJumpCheck}: a restore checks that jumped-to chains exist when it commits (they may
   * be declared later in the block), not line by line.
   */
  RuleParser(
      String program,
      Function<TableKind, Optional<Table>> tables,
      IpSets sets,
      boolean deferJumpCheck) {
    this.program = program;
    this.tables = tables;
    this.sets = sets;
    this.deferJumpCheck = deferJumpCheck;
  }

  IptablesRequest parse(List<String> words) {
    Args args = new Args(program, expand(words));
    boolean inverted = false;
    while (args.hasNext()) {
      String word = args.next();
      if (word.equals("!")) {
        if (inverted) {
          throw usage("multiple `!' flags not allowed");
        }
        inverted = true;
        continue;
      }
      if (!word.startsWith("-") || word.equals("-")) {
        throw IptablesError.badArgument(program, word);
      }
      String value = null;
      if (word.startsWith("--") && word.contains("=")) {
        value = word.substring(word.indexOf('=') + 1);
        word = word.substring(0, word.indexOf('='));
      }
      Args from = value == null ? args : new Args(program, prepend(value, args));
      if (!general(word, inverted, from)) {
        option(word, inverted, from);
      }
      if (value != null) {
        args = from;
      }
      inverted = false;
    }
    if (inverted) {
      throw usage("no argument following `!'");
    }
    if (command == null) {
      throw usage("no command specified");
    }
    Rule rule = command.takesRule() && !isDeleteByNumber() ? buildRule() : null;
    return new IptablesRequest(
        table,
        command,
        chain,
        argument,
        number,
        rule,
        new IptablesRequest.Format(numeric, verbose, exact, lineNumbers));
  }

  private boolean isDeleteByNumber() {
    return command == Command.DELETE && number > 0;
  }

  private static List<String> prepend(String value, Args rest) {
    List<String> words = new ArrayList<>();
    words.add(value);
    while (rest.hasNext()) {
      words.add(rest.next());
    }
    return words;
  }

  /** Splits grouped short flags ({@code -nvL}, {@code -tnat}) into separate words. */
  private static List<String> expand(List<String> words) {
    List<String> expanded = new ArrayList<>(words.size() + 4);
    for (String word : words) {
      if (word.length() > 2 && word.charAt(0) == '-' && word.charAt(1) != '-') {
        for (int i = 1; i < word.length(); i++) {
          char c = word.charAt(i);
          expanded.add("-" + c);
          if ("tjgmspdioADIRNXEFZPLSCW".indexOf(c) >= 0 && i + 1 < word.length()) {
            expanded.add(word.substring(i + 1));
            break;
          }
        }
      } else {
        expanded.add(word);
      }
    }
    return expanded;
  }

  /** Commands, the table and the listing flags; false for a rule option. */
  private boolean general(String word, boolean inverted, Args args) {
    switch (word) {
      case "-A", "--append" -> setCommand(Command.APPEND, args.value(word));
      case "-C", "--check" -> setCommand(Command.CHECK, args.value(word));
      case "-D", "--delete" -> {
        setCommand(Command.DELETE, args.value(word));
        if (args.hasNext() && isNumber(args.peek())) {
          number = ruleNumber(args.next());
        }
      }
      case "-I", "--insert" -> {
        setCommand(Command.INSERT, args.value(word));
        number = args.hasNext() && isNumber(args.peek()) ? ruleNumber(args.next()) : 1;
      }
      case "-R", "--replace" -> {
        setCommand(Command.REPLACE, args.value(word));
        if (!args.hasNext() || !isNumber(args.peek())) {
          throw usage("-R requires a rule number");
        }
        number = ruleNumber(args.next());
      }
      case "-N", "--new-chain" -> setCommand(Command.NEW_CHAIN, args.value(word));
      case "-X", "--delete-chain" -> setCommand(Command.DELETE_CHAIN, args.optionalValue());
      case "-E", "--rename-chain" -> {
        setCommand(Command.RENAME_CHAIN, args.value(word));
        argument = args.value(word);
      }
      case "-F", "--flush" -> setCommand(Command.FLUSH, args.optionalValue());
      case "-Z", "--zero" -> setCommand(Command.ZERO, args.optionalValue());
      case "-P", "--policy" -> {
        setCommand(Command.POLICY, args.value(word));
        argument = args.value(word);
      }
      case "-S", "--list-rules" -> setCommand(Command.LIST_RULES, args.optionalValue());
      case "-L", "--list" -> setCommand(Command.LIST, args.optionalValue());
      case "-V", "--version" -> setCommand(Command.VERSION, null);
      case "-t", "--table" -> {
        String name = args.value(word);
        table =
            TableKind.byId(name)
                .orElseThrow(() ->
                    new io.packetwalk.shell.ToolFailure(
                        3,
                        program
                            + " "
                            + IptablesError.VERSION
                            + ": table '"
                            + name
                            + "' does not exist\nPerhaps iptables or your kernel needs to be"
                            + " upgraded."));
      }
      case "-n", "--numeric" -> numeric = true;
      case "-v", "--verbose" -> verbose = true;
      case "-x", "--exact" -> exact = true;
      case "--line-numbers" -> lineNumbers = true;
      case "-w", "--wait" -> {
        if (args.hasNext() && isNumber(args.peek())) {
          args.next();
        }
      }
      case "-W", "--wait-interval" -> args.value(word);
      case "-4", "--ipv4" -> {}
      default -> {
        return false;
      }
    }
    if (inverted) {
      throw usage("cannot have ! before " + word);
    }
    return true;
  }

  private void setCommand(Command requested, String chainName) {
    if (command != null) {
      throw usage("Cannot use -" + letter(requested) + " with -" + letter(command) + "\n");
    }
    command = requested;
    chain = chainName;
  }

  private static char letter(Command command) {
    return switch (command) {
      case APPEND -> 'A';
      case INSERT -> 'I';
      case DELETE -> 'D';
      case REPLACE -> 'R';
      case CHECK -> 'C';
      case NEW_CHAIN -> 'N';
      case DELETE_CHAIN -> 'X';
      case RENAME_CHAIN -> 'E';
      case FLUSH -> 'F';
      case ZERO -> 'Z';
      case POLICY -> 'P';
      case LIST_RULES -> 'S';
      case LIST -> 'L';
      case VERSION -> 'V';
    };
  }

  private static boolean isNumber(String word) {
    return !word.isEmpty() && word.length() < 10 && word.chars().allMatch(Character::isDigit);
  }

  private int ruleNumber(String word) {
    int value = Integer.parseInt(word);
    if (value < 1) {
      throw usage("Invalid rule number `" + word + "'");
    }
    return value;
  }

  /** A rule option: base match, module, target, or an option one of them claims. */
  private void option(String word, boolean inverted, Args args) {
    switch (word) {
      case "-s", "--source", "--src" -> {
        src = Words.network(program, args.value(word));
        srcInverted = inverted;
      }
      case "-d", "--destination", "--dst" -> {
        dst = Words.network(program, args.value(word));
        dstInverted = inverted;
      }
      case "-i", "--in-interface" -> {
        in = interfaceName(args.value(word));
        inInverted = inverted;
      }
      case "-o", "--out-interface" -> {
        out = interfaceName(args.value(word));
        outInverted = inverted;
      }
      case "-p", "--protocol" -> {
        String name = args.value(word);
        OptionalInt parsed = Protocols.parse(name);
        if (parsed.isEmpty()) {
          throw usage("unknown protocol \"" + name + "\" specified");
        }
        protocol = parsed.getAsInt();
        protocolInverted = inverted;
      }
      case "-j", "--jump", "-g", "--goto" -> {
        if (targetName != null) {
          throw usage("multiple -j flags not allowed");
        }
        targetName = args.value(word);
        goTo = word.startsWith("-g") || word.equals("--goto");
        if (!goTo) {
          target = TargetBuilder.of(targetName, program).orElse(null);
        }
      }
      case "-m", "--match" -> {
        String name = args.value(word);
        MatchBuilder module =
            MatchBuilder.of(name, program, sets)
                .orElseThrow(
                    () -> usage("Couldn't load match `" + name + "':No such file or directory\n"));
        matches.add(module);
      }
      case "-c", "--set-counters" -> {
        args.value(word);
        args.value(word);
      }
      case "-f", "--fragment" -> throw usage("fragment matching (-f) is not simulated");
      default -> extensionOption(word, inverted, args);
    }
  }

  /** An option for the target or a loaded module (or the protocol's module, loaded for it). */
  private void extensionOption(String word, boolean inverted, Args args) {
    if (target != null && !inverted && target.option(word, args)) {
      return;
    }
    for (int i = matches.size() - 1; i >= 0; i--) {
      if (matches.get(i).option(word, inverted, args)) {
        return;
      }
    }
    String implicit = Protocols.name(protocol);
    if (protocol != 0
        && !protocolInverted
        && matches.stream().noneMatch(m -> m.name().equals(implicit))) {
      Optional<MatchBuilder> module = MatchBuilder.of(implicit, program, sets);
      if (module.isPresent() && module.get().option(word, inverted, args)) {
        matches.add(module.get());
        return;
      }
    }
    throw usage("unknown option \"" + word + "\"");
  }

  private String interfaceName(String name) {
    if (name.length() > 15) {
      throw usage("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
    }
    return name;
  }

  private Rule buildRule() {
    if (chain != null) {
      Optional<Hook> hook = builtinHook();
      if (hook.isPresent()) {
        if (in != null && (hook.get() == Hook.OUTPUT || hook.get() == Hook.POSTROUTING)) {
          throw usage("Can't use -i with " + chain + "\n");
        }
        if (out != null && (hook.get() == Hook.PREROUTING || hook.get() == Hook.INPUT)) {
          throw usage("Can't use -o with " + chain + "\n");
        }
      }
    }
    List<Match> built = new ArrayList<>();
    for (MatchBuilder module : matches) {
      built.add(module.build());
    }
    Target decided = target();
    IpMatch ip =
        new IpMatch(
            src,
            srcInverted,
            dst,
            dstInverted,
            in,
            inInverted,
            out,
            outInverted,
            protocol,
            protocolInverted);
    return new Rule(ip, built, decided);
  }

  private Optional<Hook> builtinHook() {
    for (Hook hook : Hook.values()) {
      if (hook.name().equals(chain) && table.registers(hook)) {
        return Optional.of(hook);
      }
    }
    return Optional.empty();
  }

  private Target target() {
    if (targetName == null) {
      return new Target.None();
    }
    if (target != null) {
      boolean ports =
          (target instanceof TargetBuilder.Nat nat && nat.hasPorts())
              || (target instanceof TargetBuilder.Ports p && p.hasPorts());
      if (ports && protocol != 6 && protocol != 17 && protocol != 132) {
        throw usage("Need TCP, UDP, SCTP or DCCP with port specification");
      }
      return target.build();
    }
    boolean exists =
        deferJumpCheck || tables.apply(table).flatMap(t -> t.chain(targetName)).isPresent();
    if (!exists) {
      throw usage(
          goTo
              ? "goto '" + targetName + "' is not a chain"
              : "Chain '" + targetName + "' does not exist");
    }
    return goTo ? new Target.Goto(targetName) : new Target.Jump(targetName);
  }

  private io.packetwalk.shell.ToolFailure usage(String message) {
    return IptablesError.usage(program, message);
  }
}
