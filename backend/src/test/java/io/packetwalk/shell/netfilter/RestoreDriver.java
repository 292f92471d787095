package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.NetfilterState;

/**
 * Test access to iptables-restore's code path for the benchmarks: parses, builds and commits a
 * restore input into a namespace's netfilter state as {@code iptables-restore <<'EOF'} would,
 * without the shell around it (whose scripts stop at 10,000 lines).
 */
public final class RestoreDriver {

  private RestoreDriver() {}

  /**
   * Restores {@code input}; throws the tool's failure (with its message) when a line is refused.
   */
  public static void restore(NetfilterState state, String input) {
    IptablesRestoreCommand.restore(state, input);
  }
}
