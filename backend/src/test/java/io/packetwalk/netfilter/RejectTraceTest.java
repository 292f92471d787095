package io.packetwalk.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.StepKind;
import io.packetwalk.trace.Trace;
import org.junit.jupiter.api.Test;

/** REJECT in FORWARD: the packet's last step names the rule, and the error reaches the sender. */
class RejectTraceTest {

  @Test
  void aRejectedPingEndsAtItsRuleAndTheSenderHearsWhy() {
    NetfilterLab lab = new NetfilterLab(NetfilterLab.ROUTER);
    lab.run("ip -n s route add default via 198.51.100.1");
    lab.run("ip netns exec r iptables -A FORWARD -d 198.51.100.2 -p icmp -j REJECT");
    var ping = lab.run("ip netns exec c ping -c 1 -W 1 198.51.100.2");
    Trace trace = lab.trace();
    String steps = NetfilterLab.describe(trace);
    Step rejected =
        trace.steps().stream()
            .filter(s -> s.disposition() == Disposition.NF_REJECT)
            .findFirst()
            .orElseThrow(() -> new AssertionError(steps));
    assertThat(rejected.location().netfilter().ruleText())
        .isEqualTo(
            "-A FORWARD -d 198.51.100.2/32 -p icmp -j REJECT --reject-with icmp-port-unreachable");
    assertThat(trace.steps()).as(steps).anyMatch(s -> s.kind() == StepKind.ICMP_SENT);
    assertThat(ping.stdout())
        .as(steps)
        .contains("From 10.0.1.1 icmp_seq=1 Destination Port Unreachable");
  }
}
