package io.packetwalk.kernel.netfilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One table of a namespace: its built-in chains in hook order, then its user chains. */
public final class Table {

  private final TableKind kind;
  private final Map<Hook, Chain> builtins = new LinkedHashMap<>();
  private final Map<String, Chain> byName = new HashMap<>();
  private int userChainCount;
  private List<Chain> sortedUserChains = List.of();
  private boolean sorted = true;
  private TableProgram program;

  public Table(TableKind kind) {
    this.kind = kind;
    for (Hook hook : Hook.values()) {
      if (kind.registers(hook)) {
        Chain chain = Chain.builtin(hook);
        chain.table = this;
        builtins.put(hook, chain);
        byName.put(chain.name(), chain);
      }
    }
  }

  /**
   * A copy to change while a restore reads its block: new chains holding the same rules (rules are
   * immutable but for their counters, which the copy shares until it replaces this table).
   */
  public Table copy() {
    Table copy = new Table(kind);
    for (Chain chain : chains()) {
      Chain target =
          chain.isBuiltin() ? copy.builtin(chain.hook()) : copy.addUserChain(chain.name());
      if (chain.isBuiltin()) {
        target.setPolicy(chain.policyAccept());
        target
            .policyCounters()
            .set(chain.policyCounters().packets(), chain.policyCounters().bytes());
        if (!chain.created()) {
          target.uncreate();
        }
        target.keepPolicyCounting(chain.countsPolicy());
      }
      for (Rule rule : chain.rules()) {
        target.append(rule);
      }
    }
    return copy;
  }

  public TableKind kind() {
    return kind;
  }

  public Chain builtin(Hook hook) {
    return builtins.get(hook);
  }

  public Optional<Chain> chain(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The chain {@code rule}'s jump or goto to {@code name} leads to, or null: the one the rule
   * recorded if it is still this table's, else the chain of that name (which the rule then records,
   * so that the next packet or check need not look it up again).
   */
  public Chain called(Rule rule, String name) {
    Chain chain = rule.jumpsTo(this);
    if (chain == null) {
      chain = byName.get(name);
      if (chain != null) {
        rule.jumpsTo(chain);
      }
    }
    return chain;
  }

  /**
   * The chain {@code rule}'s jump or goto leads to, or null (not a jump or goto, or no such chain).
   * A rule that recorded its chain answers without its target being read (one object less for a
   * packet's walk to fetch).
   */
  public Chain called(Rule rule) {
    Chain recorded = rule.jumpsTo(this);
    if (recorded != null) {
      return recorded;
    }
    return switch (rule.target()) {
      case Target.Jump(String name) -> called(rule, name);
      case Target.Goto(String name) -> called(rule, name);
      default -> null;
    };
  }

  /**
   * Builds the index of every chain of {@link RuleIndex#WORTH_FROM} rules or more now (a restore's
   * COMMIT), so that the first packet after it does not pay for building it. The program is laid
   * out by the first packet ({@link #program()}): a restore that no packet follows never needs it.
   */
  public void indexLongChains() {
    for (Chain chain : unorderedChains()) {
      if (chain.size() >= RuleIndex.WORTH_FROM) {
        chain.index();
      }
    }
  }

  /** The table's rules laid out for walking, built on first use after a change. */
  public TableProgram program() {
    TableProgram built = program;
    if (built == null) {
      built = TableProgram.of(this);
      program = built;
    }
    return built;
  }

  /** Forgets the program (a chain or a rule changed), its counts taken into the rules first. */
  void dropProgram() {
    TableProgram dropped = program;
    if (dropped != null) {
      program = null;
      dropped.settleCounts();
    }
  }

  /** Whether {@code chain} is this table's (not removed, not another table's). */
  public boolean holds(Chain chain) {
    return chain.table == this;
  }

  /** Every chain as iptables lists them: built-ins in hook order, then user chains by name. */
  public List<Chain> chains() {
    List<Chain> all = new ArrayList<>(builtins.size() + userChainCount);
    all.addAll(builtins.values());
    all.addAll(userChains());
    return all;
  }

  /** Every chain in no particular order (for work that does not list them). */
  public Collection<Chain> unorderedChains() {
    return byName.values();
  }

  /** The user chains by name (sorted when first asked for after a change). */
  public List<Chain> userChains() {
    if (!sorted) {
      List<Chain> list = new ArrayList<>(userChainCount);
      for (Chain chain : byName.values()) {
        if (!chain.isBuiltin()) {
          list.add(chain);
        }
      }
      list.sort(Comparator.comparing(Chain::name));
      sortedUserChains = Collections.unmodifiableList(list);
      sorted = true;
    }
    return sortedUserChains;
  }

  public Chain addUserChain(String name) {
    Chain chain = Chain.user(name);
    chain.table = this;
    byName.put(name, chain);
    userChainCount++;
    sorted = false;
    dropProgram();
    return chain;
  }

  /** The chain named {@code name}, or a new user chain of that name (one look-up either way). */
  public Chain chainOrNewUser(String name) {
    Chain chain = byName.computeIfAbsent(name, Chain::user);
    if (chain.table == null) {
      chain.table = this;
      userChainCount++;
      sorted = false;
      dropProgram();
    }
    return chain;
  }

  public void removeUserChain(String name) {
    Chain chain = byName.get(name);
    if (chain != null && !chain.isBuiltin()) {
      byName.remove(name);
      chain.table = null;
      userChainCount--;
      sorted = false;
      dropProgram();
    }
  }

  public void renameUserChain(String from, String to) {
    Chain old = byName.get(from);
    removeUserChain(from);
    Chain renamed = addUserChain(to);
    for (Rule rule : old.rules()) {
      renamed.append(rule);
    }
    for (Chain chain : chains()) {
      for (int i = 0; i < chain.size(); i++) {
        Target target = chain.rule(i).target();
        if (target instanceof Target.Jump(String name) && name.equals(from)) {
          chain.replace(i, chain.rule(i).withTarget(new Target.Jump(to)));
        } else if (target instanceof Target.Goto(String name) && name.equals(from)) {
          chain.replace(i, chain.rule(i).withTarget(new Target.Goto(to)));
        }
      }
    }
  }

  /** How many rules jump or go to {@code name} (the "references" iptables -L shows). */
  public int references(String name) {
    int count = 0;
    for (Chain chain : chains()) {
      for (Rule rule : chain.rules()) {
        if (rule.target() instanceof Target.Jump(String to) && to.equals(name)
            || rule.target() instanceof Target.Goto(String to2) && to2.equals(name)) {
          count++;
        }
      }
    }
    return count;
  }

  public int ruleCount() {
    int count = 0;
    for (Chain chain : unorderedChains()) {
      count += chain.size();
    }
    return count;
  }
}
