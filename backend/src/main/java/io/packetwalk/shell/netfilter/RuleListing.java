package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.Counts;
import io.packetwalk.kernel.netfilter.IpMatch;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Protocols;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Prefix;
import java.util.List;

/**
 * What {@code iptables -L}, {@code iptables -S} and {@code iptables-save} print, column for column
 * as iptables-nft 1.8.9 prints them.
 */
final class RuleListing {

  private RuleListing() {}

  /** {@code iptables -L [chain]} with its flags. */
  static String list(Table table, List<Chain> chains, IptablesRequest.Format format) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Chain chain : chains) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      header(out, table, chain, format);
      int number = 1;
      for (Rule rule : chain.rules()) {
        row(out, rule, number++, format);
      }
    }
    return out.toString();
  }

  private static void header(
      StringBuilder out, Table table, Chain chain, IptablesRequest.Format format) {
    out.append("Chain ").append(chain.name());
    if (chain.isBuiltin()) {
      out.append(" (policy ").append(chain.policyName());
      if (format.verbose()) {
        out.append(' ')
            .append(chain.policyCounters().packets())
            .append(" packets, ")
            .append(chain.policyCounters().bytes())
            .append(" bytes");
      }
      out.append(")\n");
    } else {
      out.append(" (").append(table.references(chain.name())).append(" references)\n");
    }
    if (format.lineNumbers()) {
      out.append(String.format("%-4s ", "num"));
    }
    if (format.verbose()) {
      if (format.exact()) {
        out.append(String.format("%8s %10s ", "pkts", "bytes"));
      } else {
        out.append(String.format("%5s %5s ", "pkts", "bytes"));
      }
    }
    out.append(String.format("%-9s ", "target"));
    out.append(" prot opt");
    if (format.verbose()) {
      out.append(String.format(" %-6s %-6s ", "in", "out"));
    }
    out.append(String.format(" %-19s  %-19s \n", "source", "destination"));
  }

  private static void row(StringBuilder out, Rule rule, int number, IptablesRequest.Format format) {
    if (format.lineNumbers()) {
      out.append(String.format("%-4d ", number));
    }
    if (format.verbose()) {
      Counts counters = rule.counters();
      out.append(count(counters.packets(), format.exact()));
      out.append(count(counters.bytes(), format.exact()));
    }
    out.append(String.format("%-9s ", rule.target().name()));
    IpMatch ip = rule.ip();
    out.append(ip.protocolInverted() ? '!' : ' ');
    String protocol =
        format.numeric()
            ? Integer.toString(ip.protocol())
            : ip.protocol() == 0 ? "all" : Protocols.name(ip.protocol());
    out.append(String.format("%-5s", protocol));
    out.append("-- ");
    if (format.verbose()) {
      out.append(String.format(" %-6s ", iface(ip.in(), ip.inInverted(), format)));
      out.append(String.format("%-6s ", iface(ip.out(), ip.outInverted(), format)));
    }
    out.append(ip.srcInverted() ? '!' : ' ');
    out.append(String.format("%-19s ", address(ip.src(), format)));
    out.append(ip.dstInverted() ? '!' : ' ');
    out.append(String.format("%-19s ", address(ip.dst(), format)));
    if (rule.target() instanceof Target.Goto) {
      out.append("[goto] ");
    }
    for (Match match : rule.matches()) {
      StringBuilder text = new StringBuilder();
      match.listing(text, format.numeric());
      out.append(' ').append(text);
    }
    StringBuilder targetText = new StringBuilder();
    rule.target().listing(targetText);
    if (!targetText.isEmpty()) {
      out.append(' ').append(targetText);
    }
    out.append('\n');
  }

  /** xtables_print_num: exact, or in K/M/G/T units above 99999. */
  private static String count(long number, boolean exact) {
    if (exact) {
      return String.format("%8d ", number);
    }
    if (number <= 99_999) {
      return String.format("%5d ", number);
    }
    String[] units = {"K", "M", "G", "T"};
    long value = number;
    for (int i = 0; i < units.length; i++) {
      value = (value + 500) / 1000;
      if (value <= 9999 || i == units.length - 1) {
        return String.format("%4d%s ", value, units[i]);
      }
    }
    return String.format("%5d ", number);
  }

  private static String iface(String name, boolean inverted, IptablesRequest.Format format) {
    String shown = name != null ? name : format.numeric() ? "*" : "any";
    return (inverted ? "!" : "") + shown;
  }

  private static String address(Ipv4Prefix prefix, IptablesRequest.Format format) {
    if (prefix == null || prefix.length() == 0 && prefix.address().isZero()) {
      return format.numeric() ? "0.0.0.0/0" : "anywhere";
    }
    String network = prefix.network().address().toString();
    return prefix.length() == 32 ? network : network + "/" + prefix.length();
  }

  /** {@code iptables -S [chain]}. */
  static String rules(List<Chain> chains, boolean counters) {
    StringBuilder out = new StringBuilder();
    for (Chain chain : chains) {
      if (chain.isBuiltin()) {
        out.append("-P ").append(chain.name()).append(' ').append(chain.policyName());
        if (counters) {
          out.append(" -c ")
              .append(chain.policyCounters().packets())
              .append(' ')
              .append(chain.policyCounters().bytes());
        }
        out.append('\n');
      } else {
        out.append("-N ").append(chain.name()).append('\n');
      }
    }
    for (Chain chain : chains) {
      for (Rule rule : chain.rules()) {
        out.append(rule.text(chain.name())).append('\n');
      }
    }
    return out.toString();
  }

  /** The order iptables-save prints tables in. */
  static List<TableKind> saveOrder() {
    return List.of(TableKind.values());
  }
}
