package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Prefix;

/**
 * The part of a rule every rule has (struct ipt_ip): {@code -s}, {@code -d}, {@code -i}, {@code -o}
 * and {@code -p}, each possibly negated. Null fields match anything; protocol 0 is "all".
 */
public record IpMatch(
    Ipv4Prefix src,
    boolean srcInverted,
    Ipv4Prefix dst,
    boolean dstInverted,
    String in,
    boolean inInverted,
    String out,
    boolean outInverted,
    int protocol,
    boolean protocolInverted) {

  public boolean test(Evaluation e) {
    var p = e.packet();
    if (src != null && src.contains(p.src()) == srcInverted) {
      return false;
    }
    if (dst != null && dst.contains(p.dst()) == dstInverted) {
      return false;
    }
    if (in != null && Interfaces.matches(in, e.inName()) == inInverted) {
      return false;
    }
    if (out != null && Interfaces.matches(out, e.outName()) == outInverted) {
      return false;
    }
    return protocol == 0 || (p.payload().protocolNumber() == protocol) != protocolInverted;
  }

  /** Appends {@code -s … -d … -i … -o … -p …} in iptables-save's order. */
  public void save(StringBuilder out) {
    if (src != null) {
      out.append(srcInverted ? " ! -s " : " -s ").append(Rule.prefixText(src));
    }
    if (dst != null) {
      out.append(dstInverted ? " ! -d " : " -d ").append(Rule.prefixText(dst));
    }
    if (in != null) {
      out.append(inInverted ? " ! -i " : " -i ").append(in);
    }
    if (this.out != null) {
      out.append(outInverted ? " ! -o " : " -o ").append(this.out);
    }
    if (protocol != 0) {
      out.append(protocolInverted ? " ! -p " : " -p ").append(Protocols.name(protocol));
    }
  }
}
