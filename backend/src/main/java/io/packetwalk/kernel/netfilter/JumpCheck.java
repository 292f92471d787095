package io.packetwalk.kernel.netfilter;

/**
 * The kernel's check of a table's jumps when rules are committed: every jump or goto names a chain,
 * and no path from a built-in chain takes more than {@link #MAX_JUMPS} jumps (a cycle is an endless
 * path). nf_tables refuses either with EMLINK ("Too many links").
 *
 * <p>One pass finds each jump's chain (the one the rule recorded, else by name, which the rule then
 * records) and clears the marks of the depth walk; the depth walk then visits each chain once,
 * following the recorded chains, and allocates nothing.
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
      if (chain.isBuiltin() && deepest(table, chain) > MAX_JUMPS) {
        tooDeep = true;
        break;
      }
    }
    return new Result(missing, tooDeep);
  }

  /** Finds every jump's chain and clears the walk's marks; the first target naming no chain. */
  private static String resolve(Table table) {
    String missing = null;
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
        if (name != null && table.called(rule, name) == null && missing == null) {
          missing = name;
        }
      }
    }
    return missing;
  }

  /** The most jumps below {@code chain}, stopping past the limit. */
  private static int deepest(Table table, Chain chain) {
    if (chain.depth >= 0) {
      return chain.depth;
    }
    if (chain.onPath) {
      return ENDLESS;
    }
    chain.onPath = true;
    int most = 0;
    int size = chain.size();
    for (int i = 0; i < size && most <= MAX_JUMPS; i++) {
      Chain called = chain.rule(i).jumpsTo(table);
      if (called != null) {
        most = Math.max(most, 1 + deepest(table, called));
      }
    }
    chain.onPath = false;
    chain.depth = most;
    return most;
  }
}
