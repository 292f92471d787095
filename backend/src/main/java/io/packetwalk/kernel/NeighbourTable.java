package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A namespace's ARP cache plus its proxy-ARP entries. Entries are kept in creation order; state
 * transitions are made by the engine and the shell.
 */
public final class NeighbourTable {

  private final List<NeighbourEntry> entries = new ArrayList<>();
  private final List<ProxyEntry> proxies = new ArrayList<>();

  /** An explicit proxy-ARP entry ({@code ip neigh add proxy IP dev DEV}). */
  public record ProxyEntry(Ipv4Address address, NetDevice device) {}

  public List<NeighbourEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public Optional<NeighbourEntry> find(Ipv4Address address, NetDevice device) {
    for (NeighbourEntry entry : entries) {
      if (entry.device() == device && entry.address().equals(address)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public void add(NeighbourEntry entry) {
    entries.add(entry);
  }

  public boolean remove(NeighbourEntry entry) {
    return entries.remove(entry);
  }

  public int removeIf(Predicate<NeighbourEntry> condition) {
    int before = entries.size();
    entries.removeIf(condition);
    return before - entries.size();
  }

  public List<ProxyEntry> proxies() {
    return Collections.unmodifiableList(proxies);
  }

  public void addProxy(ProxyEntry entry) {
    proxies.add(entry);
  }

  public boolean removeProxy(ProxyEntry entry) {
    return proxies.remove(entry);
  }

  public boolean hasProxy(Ipv4Address address, NetDevice device) {
    return proxies.stream().anyMatch(p -> p.address().equals(address) && (p.device() == device));
  }

  void deviceGone(NetDevice device) {
    entries.removeIf(e -> e.device() == device);
    proxies.removeIf(p -> p.device() == device);
  }
}
