package io.packetwalk.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.World;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import org.junit.jupiter.api.Test;

/**
 * A namespace holds at most {@link NetfilterState#MAX_RULES} rules (docs/limits.md): iptables and
 * iptables-restore refuse more with a sentence, and leave the rules as they were.
 */
class RuleLimitTest {

  private static final String LIMIT_SENTENCE =
      "too many rules: a namespace holds at most 500,000 rules in Packetwalk";

  private final ShellSession shell = new ShellSession(World.withOneHost());

  @Test
  void aRestoreOrAnAppendBeyondTheLimitIsRefusedAndChangesNothing() {
    CommandOutcome full = restore("", NetfilterState.MAX_RULES);
    assertThat(full.exit()).as(full.stderr()).isZero();

    CommandOutcome append = run("iptables -A FORWARD -j ACCEPT");
    assertThat(append.exit()).isEqualTo(1);
    assertThat(append.stderr())
        .startsWith("iptables: " + LIMIT_SENTENCE)
        .doesNotContain("Exception");

    CommandOutcome more = restore("--noflush ", 1);
    assertThat(more.exit()).isEqualTo(1);
    assertThat(more.stderr()).startsWith("iptables-restore: " + LIMIT_SENTENCE);
    assertThat(shell.world().defaultHost().root().netfilter().ruleCount())
        .isEqualTo(NetfilterState.MAX_RULES);

    assertThat(run("iptables -D INPUT 1").exit()).isZero();
    assertThat(run("iptables -A FORWARD -j ACCEPT").exit()).isZero();
  }

  private CommandOutcome restore(String options, int rules) {
    StringBuilder command = new StringBuilder("iptables-restore " + options + "<<'EOF'\n*filter\n");
    command.append("-A INPUT -j ACCEPT\n".repeat(rules));
    command.append("COMMIT\nEOF");
    return run(command.toString());
  }

  private CommandOutcome run(String command) {
    return shell.execute(shell.world().defaultHost().root(), command, 1);
  }
}
