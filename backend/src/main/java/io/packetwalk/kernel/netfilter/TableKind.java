package io.packetwalk.kernel.netfilter;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The iptables tables, each with the hooks it registers and its priority there
 * (include/uapi/linux/netfilter_ipv4.h). Declared in the order iptables-nft's iptables-save prints
 * them.
 */
public enum TableKind {
  MANGLE(
      Map.of(
          Hook.PREROUTING, -150,
          Hook.INPUT, -150,
          Hook.FORWARD, -150,
          Hook.OUTPUT, -150,
          Hook.POSTROUTING, -150)),
  SECURITY(Map.of(Hook.INPUT, 50, Hook.FORWARD, 50, Hook.OUTPUT, 50)),
  RAW(Map.of(Hook.PREROUTING, -300, Hook.OUTPUT, -300)),
  FILTER(Map.of(Hook.INPUT, 0, Hook.FORWARD, 0, Hook.OUTPUT, 0)),
  NAT(Map.of(Hook.PREROUTING, -100, Hook.INPUT, 100, Hook.OUTPUT, -100, Hook.POSTROUTING, 100));

  /** Priority of conntrack's lookup/creation at PREROUTING and OUTPUT. */
  public static final int CONNTRACK_PRIORITY = -200;

  private final EnumMap<Hook, Integer> priorities;
  private final String id;

  TableKind(Map<Hook, Integer> priorities) {
    this.priorities = new EnumMap<>(priorities);
    this.id = name().toLowerCase(Locale.ROOT);
  }

  /** The table's name as iptables spells it: {@code filter}, {@code nat}, … */
  public String id() {
    return id;
  }

  public static Optional<TableKind> byId(String id) {
    for (TableKind kind : values()) {
      if (kind.id().equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The built-in chains, in the order iptables lists them. */
  public List<Hook> hooks() {
    return List.copyOf(priorities.keySet());
  }

  public boolean registers(Hook hook) {
    return priorities.containsKey(hook);
  }

  public int priority(Hook hook) {
    Integer priority = priorities.get(hook);
    if (priority == null) {
      throw new IllegalArgumentException(id() + " has no " + hook + " chain");
    }
    return priority;
  }
}
