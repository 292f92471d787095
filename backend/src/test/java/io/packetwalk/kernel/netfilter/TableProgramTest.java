package io.packetwalk.kernel.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TableProgram}: chains laid out depth first from the built-in chains, and counts that stay
 * right while programs come and go (a rule's counts are its own plus what its program counted).
 */
class TableProgramTest {

  private static final IpMatch ANY =
      new IpMatch(null, false, null, false, null, false, null, false, 0, false);

  private final Table table = new Table(TableKind.NAT);

  private static Rule jump(String chain) {
    return new Rule(ANY, List.of(), new Target.Jump(chain));
  }

  private static Rule accept() {
    return new Rule(ANY, List.of(), new Target.Accept());
  }

  @Test
  void aChainSitsRightAfterTheChainThatFirstJumpsToIt() {
    for (String name : List.of("A", "B", "C", "D", "UNUSED")) {
      table.addUserChain(name);
    }
    chain("PREROUTING").append(jump("A"));
    chain("A").append(jump("C"));
    chain("A").append(jump("B"));
    chain("C").append(jump("D"));
    chain("D").append(accept());
    chain("B").append(accept());
    chain("OUTPUT").append(jump("B"));

    TableProgram program = table.program();
    List<String> order = new ArrayList<>();
    for (int n = 0; n < table.unorderedChains().size(); n++) {
      order.add(program.chain(n).name() + "@" + program.start(n));
    }
    assertThat(order.subList(0, 5)).containsExactly("PREROUTING@0", "A@1", "C@3", "D@4", "B@5");
    assertThat(order).contains("OUTPUT@6", "UNUSED@7");
    int jumpToC = program.start(program.builtin(Hook.PREROUTING) + 1);
    assertThat(program.jumps(jumpToC)).isTrue();
    assertThat(program.chain(program.calleeNumber(jumpToC)).name()).isEqualTo("C");
    assertThat(program.calleeStart(jumpToC)).isEqualTo(3);
    assertThat(program.calleeSize(jumpToC)).isEqualTo(1);
  }

  @Test
  void countsSurviveAChangeARebuildAndARestoreCopy() {
    Rule rule = accept();
    chain("PREROUTING").append(rule);
    table.program().count(0, 60);
    assertThat(rule.counters()).isEqualTo(new Counts(1, 60));

    chain("OUTPUT").append(accept()); // drops the program: the rule takes its counts over
    assertThat(rule.counters()).isEqualTo(new Counts(1, 60));
    table.program().count(0, 40);
    assertThat(rule.counters()).isEqualTo(new Counts(2, 100));

    Table copy = table.copy(); // a --noflush restore's working copy shares the rule
    copy.program();
    assertThat(rule.counters()).isEqualTo(new Counts(2, 100));
    copy.program().count(0, 10);
    assertThat(rule.counters()).isEqualTo(new Counts(3, 110));

    rule.setCounters(7, 700); // iptables -c or a restore's [packets:bytes]
    assertThat(rule.counters()).isEqualTo(new Counts(7, 700));
    copy.program().count(0, 1);
    assertThat(rule.counters()).isEqualTo(new Counts(8, 701));
    copy.builtin(Hook.PREROUTING).zero();
    assertThat(rule.counters()).isEqualTo(new Counts(0, 0));
  }

  @Test
  void oneRuleObjectInTwoChainsCountsInOnePlace() {
    Rule shared = accept();
    chain("PREROUTING").append(shared);
    chain("OUTPUT").append(shared);
    TableProgram program = table.program();
    program.count(program.start(program.builtin(Hook.PREROUTING)), 10);
    program.count(program.start(program.builtin(Hook.OUTPUT)), 20);
    assertThat(shared.counters()).isEqualTo(new Counts(2, 30));
    chain("INPUT").append(accept());
    assertThat(shared.counters()).isEqualTo(new Counts(2, 30));
  }

  private Chain chain(String name) {
    return table.chain(name).orElseThrow();
  }
}
