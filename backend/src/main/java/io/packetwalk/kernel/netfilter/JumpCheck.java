package io.packetwalk.kernel.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's check of a table's jumps when rules are committed: every jump or goto names a chain,
 * and no path from a built-in chain takes more than {@link #MAX_JUMPS} jumps (a cycle is an endless
 * path). nf_tables refuses either with EMLINK ("Too many links").
 */
public final class JumpCheck {

  /** The most jumps (and gotos) a path from a built-in chain may take (NFT_JUMP_STACK_SIZE). */
  public static final int MAX_JUMPS = 15;

  private static final int ENDLESS = Integer.MAX_VALUE / 2;

  /** What the check found: the first target naming no chain (or null), and whether too deep. */
  public record Result(String missing, boolean tooDeep) {}

  private JumpCheck() {}

  public static Result of(Table table) {
    String missing = resolve(table);
    boolean tooDeep = false;
    for (Chain chain : table.unorderedChains()) {
      if (chain.isBuiltin() && deepest(chain) > MAX_JUMPS) {
        tooDeep = true;
        break;
      }
    }
    return new Result(missing, tooDeep);
  }

  /**
   * Finds each chain's callees once (from the chain a rule recorded when it was read, else by name)
   * and clears the walk's marks; returns the first target that names no chain.
   */
  private static String resolve(Table table) {
    String missing = null;
    List<Chain> calls = new ArrayList<>();
    for (Chain chain : table.unorderedChains()) {
      chain.depth = -1;
      chain.onPath = false;
      int size = chain.size();
      for (int i = 0; i < size; i++) {
        Rule rule = chain.rule(i);
        String name =
            switch (rule.target()) {
              case Target.Jump(String to) -> to;
              case Target.Goto(String to) -> to;
              default -> null;
            };
        if (name == null) {
          continue;
        }
        Chain called = table.called(rule, name);
        if (called == null) {
          missing = missing == null ? name : missing;
          continue;
        }
        calls.add(called);
      }
      chain.calls = calls.isEmpty() ? List.of() : List.copyOf(calls);
      calls.clear();
    }
    return missing;
  }

  /** The most jumps below {@code chain}, stopping past the limit. */
  private static int deepest(Chain chain) {
    if (chain.depth >= 0) {
      return chain.depth;
    }
    if (chain.onPath) {
      return ENDLESS;
    }
    chain.onPath = true;
    int most = 0;
    for (Chain called : chain.calls) {
      most = Math.max(most, 1 + deepest(called));
      if (most > MAX_JUMPS) {
        break;
      }
    }
    chain.onPath = false;
    chain.depth = most;
    return most;
  }
}
