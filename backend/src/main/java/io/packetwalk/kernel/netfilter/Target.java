package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Address;

/**
 * What a rule does when it matches ({@code -j}/{@code -g}). Terminal targets end the chain walk
 * (ACCEPT, DROP, REJECT, the NAT targets); the others do their work and the walk goes on.
 */
public sealed interface Target {

  /** The name in {@code iptables -L}'s target column (empty for a rule with no target). */
  String name();

  /** Appends the target as iptables-save prints it, with a leading space (nothing for none). */
  void save(StringBuilder out);

  /** Appends the target's options as {@code iptables -L} prints them (may append nothing). */
  default void listing(StringBuilder out) {}

  /** Whether the target needs conntrack (NAT, CONNMARK, CT). */
  default boolean needsConntrack() {
    return false;
  }

  /** No {@code -j}: the rule only counts. */
  record None() implements Target {
    @Override
    public String name() {
      return "";
    }

    @Override
    public void save(StringBuilder out) {}
  }

  record Accept() implements Target {
    @Override
    public String name() {
      return "ACCEPT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j ACCEPT");
    }
  }

  record Drop() implements Target {
    @Override
    public String name() {
      return "DROP";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j DROP");
    }
  }

  record Return() implements Target {
    @Override
    public String name() {
      return "RETURN";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j RETURN");
    }
  }

  /** {@code -j CHAIN}: a call that RETURN comes back from. */
  record Jump(String chain) implements Target {
    @Override
    public String name() {
      return chain;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j ").append(chain);
    }
  }

  /** {@code -g CHAIN}: a goto; RETURN goes back to the chain that last jumped. */
  record Goto(String chain) implements Target {
    @Override
    public String name() {
      return chain;
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -g ").append(chain);
    }
  }

  /** {@code -j REJECT --reject-with TYPE}. */
  record Reject(String with) implements Target {

    public static final String DEFAULT = "icmp-port-unreachable";

    @Override
    public String name() {
      return "REJECT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j REJECT --reject-with ").append(with);
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("reject-with ").append(with);
    }

    /** The ICMP code of the unreachable message, or -1 for tcp-reset. */
    public int icmpCode() {
      return switch (with) {
        case "icmp-net-unreachable" -> 0;
        case "icmp-host-unreachable" -> 1;
        case "icmp-proto-unreachable" -> 2;
        case "icmp-port-unreachable" -> 3;
        case "icmp-net-prohibited" -> 9;
        case "icmp-host-prohibited" -> 10;
        case "icmp-admin-prohibited" -> 13;
        default -> -1;
      };
    }
  }

  /** {@code -j LOG}: writes a line to the kernel log and goes on. */
  record Log(String prefix, int level) implements Target {
    @Override
    public String name() {
      return "LOG";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j LOG");
      if (!prefix.isEmpty()) {
        out.append(" --log-prefix ").append(Quoting.saveQuoted(prefix));
      }
      if (level != 4) {
        out.append(" --log-level ").append(level);
      }
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("LOG flags 0 level ").append(level);
      if (!prefix.isEmpty()) {
        out.append(" prefix \"").append(prefix).append('"');
      }
    }
  }

  /** {@code -j MARK --set-xmark value/mask}: mark = (mark AND NOT mask) XOR value. */
  record Mark(long value, long mask) implements Target {
    @Override
    public String name() {
      return "MARK";
    }

    public int apply(int mark) {
      return (int) (((mark & 0xffffffffL) & ~mask) ^ value);
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j MARK --set-xmark ")
          .append(Marks.text(value))
          .append('/')
          .append(Marks.text(mask));
    }

    @Override
    public void listing(StringBuilder out) {
      if (mask == value && value != 0) {
        out.append("MARK or ").append(Marks.text(value));
      } else if (value == 0) {
        out.append("MARK and ").append(Marks.text(~mask & 0xffffffffL));
      } else if (mask == 0) {
        out.append("MARK xor ").append(Marks.text(value));
      } else if (mask == 0xffffffffL) {
        out.append("MARK set ").append(Marks.text(value));
      } else {
        out.append("MARK xset ").append(Marks.text(value)).append('/').append(Marks.text(mask));
      }
    }
  }

  /** {@code -j CONNMARK}: set the entry's mark, save the packet's mark to it, or restore it. */
  record Connmark(String mode, long value, long mask) implements Target {
    @Override
    public String name() {
      return "CONNMARK";
    }

    @Override
    public void save(StringBuilder out) {
      switch (mode) {
        case "save" -> out.append(" -j CONNMARK --save-mark --nfmask ");
        case "restore" -> out.append(" -j CONNMARK --restore-mark --nfmask ");
        default -> out.append(" -j CONNMARK --set-xmark ");
      }
      if (mode.equals("set")) {
        out.append(Marks.text(value)).append('/').append(Marks.text(mask));
      } else {
        out.append(Marks.text(mask)).append(" --ctmask ").append(Marks.text(mask));
      }
    }

    @Override
    public void listing(StringBuilder out) {
      switch (mode) {
        case "save" -> out.append("CONNMARK save");
        case "restore" -> out.append("CONNMARK restore");
        default ->
            out.append("CONNMARK xset ")
                .append(Marks.text(value))
                .append('/')
                .append(Marks.text(mask));
      }
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** An address range with an optional port range, as {@code --to-destination} gives them. */
  record NatRange(Ipv4Address first, Ipv4Address last, int firstPort, int lastPort) {

    public boolean hasAddress() {
      return first != null;
    }

    public boolean hasPorts() {
      return firstPort > 0;
    }

    /** {@code 10.0.0.1}, {@code 10.0.0.1-10.0.0.3}, {@code 10.0.0.1:80}, {@code :8000-8010}. */
    public String text() {
      StringBuilder out = new StringBuilder();
      if (first != null) {
        out.append(first);
        if (!last.equals(first)) {
          out.append('-').append(last);
        }
      }
      if (firstPort > 0) {
        out.append(':').append(firstPort);
        if (lastPort != firstPort) {
          out.append('-').append(lastPort);
        }
      }
      return out.toString();
    }
  }

  /** {@code -j DNAT --to-destination RANGE}. */
  record Dnat(NatRange to, boolean random, boolean persistent) implements Target {
    @Override
    public String name() {
      return "DNAT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j DNAT --to-destination ").append(to.text());
      flags(out, " --", random, false, persistent);
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("to:").append(to.text());
      flags(out, " ", random, false, persistent);
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -j SNAT --to-source RANGE}. */
  record Snat(NatRange to, boolean random, boolean randomFully, boolean persistent)
      implements Target {
    @Override
    public String name() {
      return "SNAT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j SNAT --to-source ").append(to.text());
      flags(out, " --", random, randomFully, persistent);
    }

    @Override
    public void listing(StringBuilder out) {
      out.append("to:").append(to.text());
      flags(out, " ", random, randomFully, persistent);
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -j MASQUERADE}: SNAT to the outgoing device's address, chosen per connection. */
  record Masquerade(int firstPort, int lastPort, boolean random, boolean randomFully)
      implements Target {
    @Override
    public String name() {
      return "MASQUERADE";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j MASQUERADE");
      toPorts(out, firstPort, lastPort);
      flags(out, " --", random, randomFully, false);
    }

    @Override
    public void listing(StringBuilder out) {
      if (firstPort > 0) {
        out.append("masq ports: ").append(firstPort);
        if (lastPort != firstPort) {
          out.append('-').append(lastPort);
        }
      }
      if (random) {
        out.append(out.isEmpty() ? "" : " ").append("random");
      }
      if (randomFully) {
        out.append(out.isEmpty() ? "" : " ").append("random-fully");
      }
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -j REDIRECT}: DNAT to this namespace (the incoming device's address, or 127.0.0.1). */
  record Redirect(int firstPort, int lastPort, boolean random) implements Target {
    @Override
    public String name() {
      return "REDIRECT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j REDIRECT");
      toPorts(out, firstPort, lastPort);
      flags(out, " --", random, false, false);
    }

    @Override
    public void listing(StringBuilder out) {
      if (firstPort > 0) {
        out.append("redir ports ").append(firstPort);
        if (lastPort != firstPort) {
          out.append('-').append(lastPort);
        }
      }
      if (random) {
        out.append(out.isEmpty() ? "" : " ").append("random");
      }
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /**
   * {@code -j CT --notrack}, or the older {@code -j NOTRACK} ({@code legacy}): the packet is not
   * tracked. Each is saved and listed as it was written.
   */
  record Notrack(boolean legacy) implements Target {
    @Override
    public String name() {
      return "CT";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(legacy ? " -j NOTRACK" : " -j CT --notrack");
    }

    @Override
    public void listing(StringBuilder out) {
      out.append(legacy ? "NOTRACK" : "CT notrack");
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** {@code -j TRACE} (raw table): the packet is traced through every later chain. */
  record Trace() implements Target {
    @Override
    public String name() {
      return "TRACE";
    }

    @Override
    public void save(StringBuilder out) {
      out.append(" -j TRACE");
    }
  }

  /** Appends {@code --to-ports A[-B]} when a port range is given. */
  private static void toPorts(StringBuilder out, int first, int last) {
    if (first > 0) {
      out.append(" --to-ports ").append(first);
      if (last != first) {
        out.append('-').append(last);
      }
    }
  }

  /** Appends the NAT flags that are set, each after {@code lead} ({@code " --"} or {@code " "}). */
  private static void flags(
      StringBuilder out, String lead, boolean random, boolean randomFully, boolean persistent) {
    if (random) {
      out.append(lead).append("random");
    }
    if (randomFully) {
      out.append(lead).append("random-fully");
    }
    if (persistent) {
      out.append(lead).append("persistent");
    }
  }
}
