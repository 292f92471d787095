package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.TableKind;

/**
 * One iptables command line as read: the table, the command with its chain and arguments, the rule
 * it carries (for -A/-I/-D/-R/-C with a rule specification), and the listing flags.
 */
record IptablesRequest(
    TableKind table,
    Command command,
    String chain,
    String argument,
    int number,
    Rule rule,
    Format format) {

  /** The commands of iptables, with the netlink operation their failures name. */
  enum Command {
    APPEND("RULE_APPEND"),
    INSERT("RULE_INSERT"),
    DELETE("RULE_DELETE"),
    REPLACE("RULE_REPLACE"),
    CHECK("RULE_CHECK"),
    NEW_CHAIN("CHAIN_ADD"),
    DELETE_CHAIN("CHAIN_DEL"),
    RENAME_CHAIN("CHAIN_RENAME"),
    FLUSH("RULE_FLUSH"),
    ZERO("CHAIN_ZERO"),
    POLICY("CHAIN_POLICY"),
    LIST_RULES("LIST"),
    LIST("LIST"),
    VERSION("VERSION");

    private final String operation;

    Command(String operation) {
      this.operation = operation;
    }

    String operation() {
      return operation;
    }

    /** Whether the command takes a rule specification. */
    boolean takesRule() {
      return this == APPEND || this == INSERT || this == DELETE || this == REPLACE || this == CHECK;
    }
  }

  /** How -L and -S print: numeric, verbose, exact counters, rule numbers. */
  record Format(boolean numeric, boolean verbose, boolean exact, boolean lineNumbers) {}
}
