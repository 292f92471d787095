package io.packetwalk.kernel.netfilter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A namespace's netfilter state: the iptables tables that exist, the conntrack table and the
 * ipsets. Conntrack runs in the namespace only while some rule needs it (since Linux 4.10 its hooks
 * are registered on demand); entries already tracked stay until they time out.
 */
public final class NetfilterState {

  /** The most rules a namespace may hold (a documented Packetwalk limit). */
  public static final int MAX_RULES = 500_000;

  private final Map<TableKind, Table> tables = new EnumMap<>(TableKind.class);
  private final ConntrackTable conntrack = new ConntrackTable();
  private final IpSets ipsets = new IpSets();
  private long generation;
  private long conntrackCheckedAt = -1;
  private boolean conntrackActive;

  /** The table if something created it (iptables-nft creates tables on first change). */
  public Optional<Table> existing(TableKind kind) {
    return Optional.ofNullable(tables.get(kind));
  }

  /** The table, created now if it did not exist. */
  public Table table(TableKind kind) {
    return tables.computeIfAbsent(kind, Table::new);
  }

  /** Replaces a table wholesale (iptables-restore commits a table block this way). */
  public void replace(TableKind kind, Table table) {
    tables.put(kind, table);
    changed();
  }

  public ConntrackTable conntrack() {
    return conntrack;
  }

  public IpSets ipsets() {
    return ipsets;
  }

  /** Whether any rule exists at all: with none, packets pass without visiting netfilter. */
  public boolean hasTables() {
    return !tables.isEmpty();
  }

  /** Called after every change to the rules. */
  public void changed() {
    generation++;
  }

  public int ruleCount() {
    int count = 0;
    for (Table table : tables.values()) {
      count += table.ruleCount();
    }
    return count;
  }

  /** Whether conntrack runs in this namespace: some rule uses it. */
  public boolean conntrackActive() {
    if (conntrackCheckedAt != generation) {
      conntrackActive = computeConntrackActive();
      conntrackCheckedAt = generation;
    }
    return conntrackActive;
  }

  private boolean computeConntrackActive() {
    for (Table table : tables.values()) {
      for (Chain chain : table.chains()) {
        for (Rule rule : chain.rules()) {
          if (rule.needsConntrack()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
