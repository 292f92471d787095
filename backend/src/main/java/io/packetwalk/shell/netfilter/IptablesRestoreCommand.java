package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.JumpCheck;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.netfilter.IptablesRequest.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code iptables-restore [--noflush] [-c] [-T TABLE] [FILE]}: reads tables in iptables-save form
 * from standard input (a here-document, {@code < FILE}) or FILE. Each {@code *table … COMMIT} block
 * applies whole or not at all; a bad line stops the restore, names the line, and leaves the block's
 * table as it was (blocks committed before it stay, as with iptables-nft).
 */
public final class IptablesRestoreCommand implements Tool {

  static final String PROGRAM = "iptables-restore";

  @Override
  public int run(ToolContext context, List<String> argv) {
    boolean noflush = false;
    boolean counters = false;
    boolean test = false;
    TableKind only = null;
    String file = null;
    List<String> args = argv.subList(1, argv.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-n", "--noflush" -> noflush = true;
        case "-c", "--counters" -> counters = true;
        case "-t", "--test" -> test = true;
        case "-v", "--verbose", "-w", "--wait" -> {}
        case "-T", "--table" -> {
          if (i + 1 >= args.size()) {
            throw IptablesError.usage(PROGRAM, "option \"" + arg + "\" requires an argument");
          }
          String name = args.get(++i);
          only =
              TableKind.byId(name)
                  .orElseThrow(
                      () -> IptablesError.usage(PROGRAM, "table '" + name + "' does not exist"));
        }
        default -> {
          if (arg.startsWith("-")) {
            throw IptablesError.usage(PROGRAM, "unknown option \"" + arg + "\"");
          }
          file = arg;
        }
      }
    }
    String input;
    if (file != null) {
      String name = file;
      input =
          context
              .files()
              .read(name)
              .orElseThrow(
                  () -> new ToolFailure(1, "Can't open " + name + ": No such file or directory"));
    } else {
      input = context.stdin();
    }
    NetfilterState state = context.netns().netfilter();
    new Restore(state, noflush, counters, test, only).run(input);
    return 0;
  }

  /** {@code iptables-restore} of {@code input} into {@code state}, with no options. */
  static void restore(NetfilterState state, String input) {
    new Restore(state, false, false, false, null).run(input);
  }

  /** One restore: reads blocks and commits each to the namespace. */
  private static final class Restore {

    private final NetfilterState state;
    private final boolean noflush;
    private final boolean counters;
    private final boolean test;
    private final TableKind only;
    private final Iptables iptables;
    private final DirectRuleReader reader = new DirectRuleReader();
    private Table working;
    private int workingRules;
    private int otherRules;

    Restore(NetfilterState state, boolean noflush, boolean counters, boolean test, TableKind only) {
      this.state = state;
      this.noflush = noflush;
      this.counters = counters;
      this.test = test;
      this.only = only;
      this.iptables = new Iptables(PROGRAM, state, false);
    }

    void run(String input) {
      int length = input.length();
      int number = 0;
      int start = 0;
      while (start < length) {
        int newline = input.indexOf('\n', start);
        int stop = newline < 0 ? length : newline;
        number++;
        int from = start;
        int to = stop;
        while (from < to && Character.isWhitespace(input.charAt(from))) {
          from++;
        }
        while (to > from && Character.isWhitespace(input.charAt(to - 1))) {
          to--;
        }
        start = newline < 0 ? length : newline + 1;
        if (from == to || input.charAt(from) == '#') {
          continue;
        }
        try {
          DirectRuleReader.Append direct =
              working != null && input.charAt(from) == '-' ? reader.read(input, from, to) : null;
          if (direct != null) {
            iptables.apply(direct.request(), working, direct.chain());
            countRule();
          } else {
            line(input.substring(from, to), number);
          }
        } catch (ToolFailure failure) {
          throw atLine(failure, number);
        }
      }
      if (working != null) {
        throw new ToolFailure(1, PROGRAM + ": COMMIT expected at line " + (number + 1));
      }
    }

    private void line(String line, int number) {
      if (line.startsWith("*")) {
        if (working != null) {
          throw new ToolFailure(1, PROGRAM + ": COMMIT expected at line " + number);
        }
        String name = line.substring(1).strip();
        TableKind kind =
            TableKind.byId(name)
                .orElseThrow(() ->
                    IptablesError.usage(
                        PROGRAM,
                        PROGRAM + ": line " + number + " table name '" + name + "' invalid"));
        Optional<Table> existing = state.existing(kind);
        working = noflush && existing.isPresent() ? existing.get().copy() : new Table(kind);
        reader.begin(working);
        workingRules = working.ruleCount();
        otherRules = state.ruleCount() - existing.map(Table::ruleCount).orElse(0);
        return;
      }
      if (working == null) {
        throw IptablesError.usage(PROGRAM, "no table specified");
      }
      if (line.equals("COMMIT")) {
        if (otherRules + working.ruleCount() > NetfilterState.MAX_RULES) {
          throw Iptables.tooManyRules(PROGRAM);
        }
        JumpCheck.Result jumps = JumpCheck.of(working);
        if (jumps.missing() != null) {
          throw IptablesError.usage(PROGRAM, "Chain '" + jumps.missing() + "' does not exist");
        }
        iptables.checkLoops(working, jumps, "RULE_APPEND");
        if (!test && (only == null || only == working.kind())) {
          working.indexLongChains();
          state.replace(working.kind(), working);
        }
        working = null;
        return;
      }
      if (line.startsWith(":")) {
        declare(line);
        return;
      }
      rule(line);
    }

    /** {@code :NAME POLICY [packets:bytes]}. */
    private void declare(String line) {
      Chain chain = userChain(line);
      if (chain == null) {
        chain = anyChain(line);
      }
      if (chain != null) {
        reader.declared(chain);
      }
    }

    /**
     * A user chain's declaration ({@code :NAME …}, NAME no hook's name and at most 28 characters,
     * the rest ignored as for any user chain) in one look-up: the chain, new or flushed; null for
     * any other declaration.
     */
    private Chain userChain(String line) {
      int end = 1;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      if (end == 1 || end - 1 > 28) {
        return null;
      }
      String name = line.substring(1, end);
      for (Hook hook : Hook.values()) {
        if (hook.name().equals(name)) {
          return null;
        }
      }
      Chain chain = working.chainOrNewUser(name);
      chain.flush();
      return chain;
    }

    /** Any declaration: a built-in chain's policy and counters, or a user chain's; the chain. */
    private Chain anyChain(String line) {
      String[] parts = blankSeparated(line.substring(1));
      String name = parts[0];
      String policy = parts.length > 1 ? parts[1] : "-";
      Optional<Chain> found = working.chain(name);
      if (found.isPresent() && found.get().isBuiltin()) {
        Chain chain = found.get();
        if (!policy.equals("-")) {
          if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
            throw IptablesError.usage(
                PROGRAM, "Bad policy name. Run `dmesg' for more information.");
          }
          chain.setPolicy(policy.equals("ACCEPT"));
        }
        chain.create();
        if (parts.length > 2 && counters) {
          long[] values = bracketed(parts[2]);
          chain.policyCounters().set(values[0], values[1]);
        }
        return chain;
      }
      for (Hook hook : Hook.values()) {
        if (hook.name().equals(name)) {
          throw IptablesError.usage(PROGRAM, "Invalid chain name `" + name + "'");
        }
      }
      if (found.isPresent()) {
        found.get().flush();
        return found.get();
      }
      if (name.length() > 28) {
        throw IptablesError.usage(PROGRAM, "Invalid chain name `" + name + "'");
      }
      return working.addUserChain(name);
    }

    /**
     * The words of {@code text} between blanks (what {@code split("\\s+")} gave, without a regex).
     */
    private static String[] blankSeparated(String text) {
      List<String> words = new ArrayList<>(3);
      int i = 0;
      int length = text.length();
      while (i < length) {
        int start = i;
        while (i < length && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (i > start || start == 0) {
          words.add(text.substring(start, i));
        }
        while (i < length && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
      }
      return words.isEmpty() ? new String[] {""} : words.toArray(String[]::new);
    }

    private long[] bracketed(String text) {
      if (!text.startsWith("[") || !text.endsWith("]") || !text.contains(":")) {
        throw IptablesError.usage(PROGRAM, "Bad parameter `" + text + "'");
      }
      String[] values = text.substring(1, text.length() - 1).split(":");
      try {
        return new long[] {Long.parseLong(values[0]), Long.parseLong(values[1])};
      } catch (RuntimeException e) {
        throw IptablesError.usage(PROGRAM, "Bad parameter `" + text + "'");
      }
    }

    /** {@code [packets:bytes] -A CHAIN …} and the other commands a restore file may hold. */
    private void rule(String line) {
      List<String> words = RestoreWords.split(line);
      long[] preset = null;
      if (!words.isEmpty() && words.getFirst().startsWith("[")) {
        preset = bracketed(words.getFirst());
        words = words.subList(1, words.size());
      }
      Table table = working;
      IptablesRequest request =
          new RuleParser(PROGRAM, kind -> Optional.of(table), state.ipsets(), true)
              .parse(withTable(words, table.kind()));
      if (request.command() == Command.LIST
          || request.command() == Command.LIST_RULES
          || request.command() == Command.VERSION) {
        throw IptablesError.usage(PROGRAM, "Unknown command in restore input");
      }
      add(request, preset);
    }

    /** Carries out a rule line's request on the block's table, with its preset counters. */
    private void add(IptablesRequest request, long[] preset) {
      iptables.apply(request, working);
      if (request.command() == Command.APPEND || request.command() == Command.INSERT) {
        countRule();
      }
      Rule added = request.rule();
      if (preset != null && counters && added != null) {
        added.setCounters(preset[0], preset[1]);
      }
    }

    /**
     * Counts a rule added to the block, and stops the restore as soon as the namespace would hold
     * more than {@link NetfilterState#MAX_RULES} (an exact recount only past the limit).
     */
    private void countRule() {
      if (++workingRules + otherRules > NetfilterState.MAX_RULES) {
        workingRules = working.ruleCount();
        if (workingRules + otherRules > NetfilterState.MAX_RULES) {
          throw Iptables.tooManyRules(PROGRAM);
        }
      }
    }

    private static List<String> withTable(List<String> words, TableKind kind) {
      List<String> all = new ArrayList<>(words.size() + 2);
      all.add("-t");
      all.add(kind.id());
      all.addAll(words);
      return all;
    }

    /** A failure as iptables-restore reports it: the message, then the line it occurred at. */
    private ToolFailure atLine(ToolFailure failure, int number) {
      String message = failure.getMessage();
      int hint = message.lastIndexOf("\nTry `");
      if (hint < 0 || message.contains("COMMIT expected")) {
        return failure;
      }
      return new ToolFailure(
          failure.status(),
          message.substring(0, hint)
              + "\nError occurred at line: "
              + number
              + message.substring(hint));
    }
  }
}
