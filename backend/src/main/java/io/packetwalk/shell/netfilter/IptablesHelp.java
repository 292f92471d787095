package io.packetwalk.shell.netfilter;

/** The short usage iptables prints for {@code -h}. */
final class IptablesHelp {

  static final String TEXT =
      """
      iptables v1.8.9 (nf_tables)

      Usage: iptables -[ACD] chain rule-specification [options]
             iptables -I chain [rulenum] rule-specification [options]
             iptables -R chain rulenum rule-specification [options]
             iptables -D chain rulenum [options]
             iptables -[LS] [chain [rulenum]] [options]
             iptables -[FZ] [chain] [options]
             iptables -[NX] chain
             iptables -E old-chain-name new-chain-name
             iptables -P chain target [options]
             iptables -h (print this help information)\
      """;

  private IptablesHelp() {}
}
