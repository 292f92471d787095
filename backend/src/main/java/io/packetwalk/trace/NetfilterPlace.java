package io.packetwalk.trace;

/**
 * A place inside netfilter: the hook, and when known the table, the chain, and the rule (its
 * 1-based number in the chain and its text in iptables-save form).
 */
public record NetfilterPlace(
    String hook, String table, String chain, Integer rule, String ruleText) {

  public static NetfilterPlace hook(String hook) {
    return new NetfilterPlace(hook, null, null, null, null);
  }

  public static NetfilterPlace chain(String hook, String table, String chain) {
    return new NetfilterPlace(hook, table, chain, null, null);
  }

  public NetfilterPlace rule(int number, String text) {
    return new NetfilterPlace(hook, table, chain, number, text);
  }
}
