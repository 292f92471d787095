package io.packetwalk.stream;

import io.packetwalk.engine.StateLines;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.SaveText;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.lab.WorldSnapshot;
import io.packetwalk.shell.ip.RouteLines;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceState;
import io.packetwalk.stream.protocol.Protocol.StateEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace's state tables as the protocol shows them, keyed and worded as the trace's state
 * changes are, so the page can rewind them step by step. Reads only: nothing in the namespace
 * changes (expired conntrack entries stay until the kernel's own timer or a tool removes them).
 */
final class NamespaceStates {

  private NamespaceStates() {}

  static NamespaceState of(String requestId, NetNamespace ns) {
    return new NamespaceState(
        requestId,
        new NamespaceRef(ns.host().name(), ns.isRoot() ? "" : ns.name()),
        RouteLines.of(ns),
        neighbours(ns),
        fdb(ns),
        conntrack(ns),
        counters(ns.netfilter()),
        SaveText.of(ns.netfilter(), false, null),
        addresses(ns),
        sysctls(ns));
  }

  /** Each device's IPv4 addresses, as {@code ip -br addr} lists them: {@code veth1 10.0.0.1/24}. */
  private static List<String> addresses(NetNamespace ns) {
    List<String> lines = new ArrayList<>();
    for (NetDevice dev : ns.devices()) {
      if (!dev.addresses().isEmpty()) {
        StringBuilder line = new StringBuilder(dev.name());
        dev.addresses().forEach(address -> line.append(' ').append(address.prefix()));
        lines.add(line.toString());
      }
    }
    return lines;
  }

  /** The sysctls set away from a fresh namespace's values, as {@code sysctl} prints them. */
  private static List<String> sysctls(NetNamespace ns) {
    List<String> lines = new ArrayList<>();
    WorldSnapshot.changedSysctls(ns).forEach((key, value) -> lines.add(key + " = " + value));
    return lines;
  }

  private static List<StateEntry> neighbours(NetNamespace ns) {
    List<StateEntry> entries = new ArrayList<>();
    for (NeighbourEntry entry : ns.neighbours().entries()) {
      entries.add(new StateEntry(null, entry.address().toString(), StateLines.neighbour(entry)));
    }
    return entries;
  }

  private static List<StateEntry> fdb(NetNamespace ns) {
    List<StateEntry> entries = new ArrayList<>();
    for (NetDevice dev : ns.devices()) {
      if (dev.isBridge()) {
        for (FdbEntry entry : dev.bridge().fdb()) {
          entries.add(
              new StateEntry(dev.name(), entry.mac().toString(), StateLines.fdb(entry, dev)));
        }
      }
    }
    return entries;
  }

  private static List<StateEntry> conntrack(NetNamespace ns) {
    long now = ns.world().now();
    return ns.netfilter().conntrack().entries().stream()
        .map(entry -> conntrackEntry(entry, now))
        .toList();
  }

  private static StateEntry conntrackEntry(ConntrackEntry entry, long now) {
    return new StateEntry(null, Long.toString(entry.id()), entry.line(now));
  }

  /** Every rule's counters ({@code filter FORWARD 3}) and every built-in chain's policy's. */
  private static List<StateEntry> counters(NetfilterState netfilter) {
    List<StateEntry> entries = new ArrayList<>();
    for (TableKind kind : TableKind.values()) {
      netfilter.existing(kind).ifPresent(table -> tableCounters(table, entries));
    }
    return entries;
  }

  private static void tableCounters(Table table, List<StateEntry> entries) {
    String id = table.kind().id();
    for (Chain chain : table.chains()) {
      List<Rule> rules = chain.rules();
      for (int index = 0; index < rules.size(); index++) {
        String key = id + " " + chain.name() + " " + (index + 1);
        entries.add(new StateEntry(null, key, rules.get(index).counters().toString()));
      }
      if (chain.isBuiltin()) {
        String key = id + " " + chain.name() + " policy";
        entries.add(new StateEntry(null, key, chain.policyCounters().toString()));
      }
    }
  }
}
