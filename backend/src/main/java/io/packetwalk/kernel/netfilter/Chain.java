package io.packetwalk.kernel.netfilter;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A chain of rules: a built-in one (bound to a hook, with a policy and its counters) or a
 * user-defined one (reached only by {@code -j}/{@code -g}). A built-in chain of iptables-nft exists
 * in the kernel only once something created it; until then no packet walks it.
 */
public final class Chain {

  private final String name;
  private final Hook hook;
  private static final Rule[] NO_RULES = new Rule[0];

  /** The rules in order, in an array the chain owns (a walk reads it without a list between). */
  private Rule[] rules = NO_RULES;

  private int size;
  private final Counters policyCounters = new Counters();
  private boolean policyAccept = true;
  private boolean created;
  private boolean countsPolicy;

  /** {@link JumpCheck}'s working state: the chain's depth and the walk's mark. */
  int depth = -1;

  boolean onPath;

  /** {@link TableProgram}'s working state while it lays the table out: the chain's number. */
  int programNumber = -1;

  /** The table that holds the chain; null once removed (renaming makes a new chain). */
  Table table;

  private RuleIndex ruleIndex;

  private Chain(String name, Hook hook) {
    this.name = name;
    this.hook = hook;
    this.created = hook == null;
  }

  public static Chain builtin(Hook hook) {
    return new Chain(hook.name(), hook);
  }

  public static Chain user(String name) {
    return new Chain(name, null);
  }

  public String name() {
    return name;
  }

  /** The hook of a built-in chain; null for a user-defined one. */
  public Hook hook() {
    return hook;
  }

  public boolean isBuiltin() {
    return hook != null;
  }

  /** The rules in order (a view to read, valid until the chain changes). */
  public List<Rule> rules() {
    return Collections.unmodifiableList(Arrays.asList(rules).subList(0, size));
  }

  public int size() {
    return size;
  }

  public Rule rule(int index) {
    Objects.checkIndex(index, size);
    return rules[index];
  }

  /**
   * The chain's classification index ({@link RuleIndex}), built on first use after a change: every
   * change to the rules drops it.
   */
  public RuleIndex index() {
    RuleIndex built = ruleIndex;
    if (built == null) {
      built = RuleIndex.of(rules());
      ruleIndex = built;
    }
    return built;
  }

  public void insert(int index, Rule rule) {
    Objects.checkIndex(index, size + 1);
    changed();
    if (size == rules.length) {
      rules = Arrays.copyOf(rules, Math.max(4, size * 2));
    }
    System.arraycopy(rules, index, rules, index + 1, size - index);
    rules[index] = rule;
    size++;
    created = true;
  }

  /** Drops what was built from the rules: the chain's index and its table's program. */
  private void changed() {
    ruleIndex = null;
    if (table != null) {
      table.dropProgram();
    }
  }

  public void append(Rule rule) {
    insert(size, rule);
  }

  public Rule replace(int index, Rule rule) {
    Objects.checkIndex(index, size);
    changed();
    created = true;
    Rule old = rules[index];
    rules[index] = rule;
    return old;
  }

  public void remove(int index) {
    Objects.checkIndex(index, size);
    changed();
    System.arraycopy(rules, index + 1, rules, index, size - index - 1);
    rules[--size] = null;
  }

  public void flush() {
    changed();
    rules = NO_RULES;
    size = 0;
  }

  /** The index of the first rule with {@code spec}, or -1. */
  public int indexOf(String spec) {
    for (int i = 0; i < size; i++) {
      if (rules[i].spec().equals(spec)) {
        return i;
      }
    }
    return -1;
  }

  public boolean policyAccept() {
    return policyAccept;
  }

  /**
   * Sets the policy ({@code -P}, or a restore's declaration). iptables-nft then creates the chain
   * with counters, so from now on the policy counters count.
   */
  public void setPolicy(boolean accept) {
    this.policyAccept = accept;
    created = true;
    countsPolicy = true;
  }

  /**
   * Whether the policy counters count: only for a built-in chain iptables-nft created with counters
   * ({@code -P} or a restore), not for one a rule alone created.
   */
  public boolean countsPolicy() {
    return countsPolicy;
  }

  public String policyName() {
    return isBuiltin() ? (policyAccept ? "ACCEPT" : "DROP") : "-";
  }

  public Counters policyCounters() {
    return policyCounters;
  }

  /** Whether the chain exists in the kernel, so that packets walk it. */
  public boolean created() {
    return created;
  }

  public void create() {
    created = true;
  }

  /** Forgets that the chain was created (a copy of a chain nothing created yet). */
  void uncreate() {
    created = hook == null;
    countsPolicy = false;
  }

  void keepPolicyCounting(boolean counting) {
    countsPolicy = counting;
  }

  public void zero() {
    policyCounters.zero();
    for (int i = 0; i < size; i++) {
      rules[i].zeroCounters();
    }
  }
}
