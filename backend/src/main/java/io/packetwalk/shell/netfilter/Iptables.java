package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.JumpCheck;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.netfilter.IptablesRequest.Command;
import java.util.List;

/**
 * Carries out iptables commands on one namespace's tables, with the kernel's checks: chains that
 * must exist, indexes in range, targets only where the kernel allows them, no jump loops, chains in
 * use that cannot go. A refused command changes nothing.
 */
final class Iptables {

  private final String program;
  private final NetfilterState state;
  private final boolean checkLoopsEachTime;

  /**
   * {@code checkLoopsEachTime} false defers the jump-loop check to {@link #checkLoops} (a restore
   * checks once per table, not once per line).
   */
  Iptables(String program, NetfilterState state, boolean checkLoopsEachTime) {
    this.program = program;
    this.state = state;
    this.checkLoopsEachTime = checkLoopsEachTime;
  }

  /**
   * Packetwalk's refusal of a rule beyond {@link NetfilterState#MAX_RULES} in one namespace (the
   * kernel has no such limit; docs/limits.md).
   */
  static ToolFailure tooManyRules(String program) {
    return new ToolFailure(
        1,
        program
            + ": too many rules: a namespace holds at most "
            + String.format(java.util.Locale.ROOT, "%,d", NetfilterState.MAX_RULES)
            + " rules in Packetwalk (a limit of the simulator, not of Linux)");
  }

  /** The kernel's refusal of a table whose jumps loop or nest too deep. */
  void checkLoops(Table table, JumpCheck.Result jumps, String operation) {
    if (jumps.tooDeep()) {
      throw IptablesError.kernel(
          program, operation, "Too many links", "jump loop in table " + table.kind().id());
    }
  }

  /** Runs a parsed request against {@code table}; returns what it prints. */
  String apply(IptablesRequest request, Table table) {
    Command command = request.command();
    String name = request.chain();
    switch (command) {
      case APPEND, INSERT, REPLACE -> addRule(request, table, existing(table, name));
      case DELETE -> {
        Chain chain = existing(table, name);
        int index =
            request.rule() == null ? request.number() - 1 : chain.indexOf(request.rule().spec());
        if (request.rule() == null && index >= chain.size()) {
          throw IptablesError.refused(program, "Index of deletion too big.");
        }
        if (index < 0) {
          throw IptablesError.refused(
              program, "Bad rule (does a matching rule exist in that chain?).");
        }
        chain.remove(index);
      }
      case CHECK -> {
        Chain chain = existing(table, name);
        if (chain.indexOf(request.rule().spec()) < 0) {
          throw IptablesError.refused(
              program, "Bad rule (does a matching rule exist in that chain?).");
        }
      }
      case NEW_CHAIN -> {
        checkChainName(name);
        if (table.chain(name).isPresent()) {
          throw IptablesError.refused(program, "Chain already exists.");
        }
        table.addUserChain(name);
      }
      case DELETE_CHAIN -> deleteChains(table, name);
      case RENAME_CHAIN -> {
        Chain chain = table.chain(name).orElse(null);
        if (chain == null || chain.isBuiltin()) {
          throw IptablesError.refused(program, "No chain/target/match by that name.");
        }
        if (table.chain(request.argument()).isPresent()) {
          throw IptablesError.refused(program, "File exists.");
        }
        checkChainName(request.argument());
        table.renameUserChain(name, request.argument());
      }
      case FLUSH -> {
        if (name == null) {
          table.chains().forEach(Chain::flush);
        } else {
          existing(table, name).flush();
        }
      }
      case ZERO -> {
        if (name == null) {
          table.chains().forEach(Chain::zero);
        } else {
          existing(table, name).zero();
        }
      }
      case POLICY -> {
        Chain chain = table.chain(name).filter(Chain::isBuiltin).orElse(null);
        if (chain == null) {
          throw IptablesError.refused(program, "Bad built-in chain name.");
        }
        if (!request.argument().equals("ACCEPT") && !request.argument().equals("DROP")) {
          throw IptablesError.refused(
              program, "Bad policy name. Run `dmesg' for more information.");
        }
        chain.setPolicy(request.argument().equals("ACCEPT"));
      }
      default -> throw new IllegalStateException("not a change: " + command);
    }
    state.changed();
    return "";
  }

  /**
   * Runs an append, insert or replace into {@code chain}, which the caller found in {@code table}.
   */
  void apply(IptablesRequest request, Table table, Chain chain) {
    addRule(request, table, chain);
    state.changed();
  }

  private void addRule(IptablesRequest request, Table table, Chain chain) {
    Command command = request.command();
    Rule rule = request.rule();
    if (checkLoopsEachTime
        && command != Command.REPLACE
        && state.ruleCount() >= NetfilterState.MAX_RULES) {
      throw tooManyRules(program);
    }
    checkTarget(request, table, chain, rule);
    int size = chain.size();
    if (command == Command.INSERT && request.number() > size + 1) {
      throw IptablesError.refused(program, "Index of insertion too big.");
    }
    if (command == Command.REPLACE && chain.isBuiltin() && !chain.created()) {
      throw IptablesError.refused(program, "No chain/target/match by that name.");
    }
    if (command == Command.REPLACE && request.number() > size) {
      throw IptablesError.refused(program, "Index of replacement too big.");
    }
    switch (command) {
      case APPEND -> chain.append(rule);
      case INSERT -> chain.insert(request.number() - 1, rule);
      default -> chain.replace(request.number() - 1, rule);
    }
    if (checkLoopsEachTime && JumpCheck.of(table).tooDeep()) {
      switch (command) {
        case APPEND -> chain.remove(chain.size() - 1);
        case INSERT -> chain.remove(request.number() - 1);
        default -> {}
      }
      throw IptablesError.kernel(
          program, command.operation(), "Too many links", "rule in chain " + chain.name());
    }
  }

  private Chain existing(Table table, String name) {
    return table
        .chain(name)
        .orElseThrow(() -> IptablesError.refused(program, "No chain/target/match by that name."));
  }

  private void checkChainName(String name) {
    if (name.length() > 28) {
      throw IptablesError.usage(
          program, "chain name `" + name + "' too long (must be under 29 chars)");
    }
    if (name.startsWith("-")
        || name.startsWith("!")
        || TargetBuilder.of(name, program).isPresent()) {
      throw IptablesError.usage(program, "Invalid chain name `" + name + "'");
    }
    for (Hook hook : Hook.values()) {
      if (hook.name().equals(name)) {
        throw IptablesError.refused(program, "Chain already exists.");
      }
    }
  }

  private void deleteChains(Table table, String name) {
    List<Chain> doomed =
        name == null
            ? List.copyOf(table.userChains())
            : List.of(
                table
                    .chain(name)
                    .filter(c -> !c.isBuiltin())
                    .orElseThrow(() ->
                        IptablesError.refused(program, "No chain/target/match by that name.")));
    for (Chain chain : doomed) {
      if (table.references(chain.name()) > 0 || chain.size() > 0) {
        throw IptablesError.kernel(
            program, "CHAIN_DEL", "Device or resource busy", "chain " + chain.name());
      }
    }
    for (Chain chain : doomed) {
      table.removeUserChain(chain.name());
    }
  }

  /** The kernel's checks of where a target may be used (nft returns EINVAL). */
  private void checkTarget(IptablesRequest request, Table table, Chain chain, Rule rule) {
    Target target = rule.target();
    TableKind kind = table.kind();
    Hook hook = chain.hook();
    boolean ok =
        switch (target) {
          case Target.Dnat d ->
              kind == TableKind.NAT && allowed(hook, Hook.PREROUTING, Hook.OUTPUT);
          case Target.Redirect r ->
              kind == TableKind.NAT && allowed(hook, Hook.PREROUTING, Hook.OUTPUT);
          case Target.Snat s ->
              kind == TableKind.NAT && allowed(hook, Hook.POSTROUTING, Hook.INPUT);
          case Target.Masquerade m -> kind == TableKind.NAT && allowed(hook, Hook.POSTROUTING);
          case Target.Reject r ->
              kind != TableKind.NAT
                  && allowed(hook, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)
                  && (r.icmpCode() >= 0
                      || (rule.ip().protocol() == 6 && !rule.ip().protocolInverted()));
          case Target.Trace t -> kind == TableKind.RAW;
          case Target.Notrack n -> kind == TableKind.RAW;
          default -> true;
        };
    if (!ok) {
      throw IptablesError.kernel(
          program,
          request.command().operation(),
          "Invalid argument",
          "rule in chain " + chain.name());
    }
  }

  private static boolean allowed(Hook hook, Hook... hooks) {
    if (hook == null) {
      return true;
    }
    for (Hook candidate : hooks) {
      if (candidate == hook) {
        return true;
      }
    }
    return false;
  }
}
