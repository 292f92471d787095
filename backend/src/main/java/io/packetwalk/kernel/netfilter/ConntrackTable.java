package io.packetwalk.kernel.netfilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A namespace's conntrack table: confirmed entries, found by either of their tuples. Entries are
 * confirmed (inserted) by the last hook a first packet passes; a first packet dropped before that
 * leaves nothing here.
 */
public final class ConntrackTable {

  /** The most entries a namespace keeps (net.netfilter.nf_conntrack_max on a small machine). */
  public static final int MAX_ENTRIES = 262_144;

  private final Map<CtTuple, ConntrackEntry> byTuple = new HashMap<>();
  private final Set<ConntrackEntry> entries = new LinkedHashSet<>();
  private long nextId = 1;
  private final java.util.ArrayDeque<String> events = new java.util.ArrayDeque<>();
  private long clockNs;
  private long earliestExpiryNs = Long.MAX_VALUE;

  /** The most events kept for {@code conntrack -E} between two reads. */
  public static final int MAX_EVENTS = 1024;

  /** A new, unconfirmed entry for a connection whose first packet has {@code original}. */
  public ConntrackEntry create(CtTuple original) {
    return new ConntrackEntry(nextId++, original);
  }

  public Optional<ConntrackEntry> find(CtTuple tuple) {
    return Optional.ofNullable(byTuple.get(tuple));
  }

  /**
   * Inserts a confirmed entry; false when either tuple is already taken (a clash the kernel
   * resolves by dropping the packet) or the table is full.
   */
  public boolean insert(ConntrackEntry entry) {
    if (entries.size() >= MAX_ENTRIES
        || byTuple.containsKey(entry.original())
        || byTuple.containsKey(entry.reply())) {
      return false;
    }
    entry.confirm();
    deadlineChanged(entry.expiresNs());
    byTuple.put(entry.original(), entry);
    byTuple.put(entry.reply(), entry);
    entries.add(entry);
    event("NEW", entry);
    return true;
  }

  /** Whether a tuple is in use by any confirmed entry (for choosing a free NAT port). */
  public boolean inUse(CtTuple tuple) {
    return byTuple.containsKey(tuple);
  }

  public void remove(ConntrackEntry entry) {
    if (entries.remove(entry)) {
      byTuple.remove(entry.original(), entry);
      byTuple.remove(entry.reply(), entry);
      event("DESTROY", entry);
    }
  }

  /** Removes every entry that matches; returns how many. */
  public int removeIf(Predicate<ConntrackEntry> which) {
    List<ConntrackEntry> gone = new ArrayList<>();
    for (ConntrackEntry entry : entries) {
      if (which.test(entry)) {
        gone.add(entry);
      }
    }
    gone.forEach(this::remove);
    return gone.size();
  }

  /**
   * Forgets entries whose timeout has passed at {@code nowNs}. The table keeps a lower bound of the
   * entries' deadlines, so a packet costs nothing here until the earliest one is due.
   */
  public void expire(long nowNs) {
    clockNs = nowNs;
    if (entries.isEmpty() || nowNs < earliestExpiryNs) {
      return;
    }
    removeIf(e -> e.expiresNs() <= nowNs);
    long earliest = Long.MAX_VALUE;
    for (ConntrackEntry entry : entries) {
      earliest = Math.min(earliest, entry.expiresNs());
    }
    earliestExpiryNs = earliest;
  }

  /**
   * An entry's deadline moved to {@code expiresNs} (every change to a confirmed entry's timeout
   * must be told here, or {@link #expire} may forget it too late).
   */
  public void deadlineChanged(long expiresNs) {
    earliestExpiryNs = Math.min(earliestExpiryNs, expiresNs);
  }

  /** Records an event as {@code conntrack -E} prints it ({@code [NEW]}, {@code [DESTROY]}). */
  public void event(String type, ConntrackEntry entry) {
    if (events.size() == MAX_EVENTS) {
      events.removeFirst();
    }
    String tag = String.format("%9s ", "[" + type + "]");
    events.addLast(tag + entry.line(clockNs));
  }

  /** The events since the last call, oldest first. */
  public List<String> takeEvents() {
    List<String> taken = List.copyOf(events);
    events.clear();
    return taken;
  }

  /** The confirmed entries, oldest first. */
  public List<ConntrackEntry> entries() {
    return List.copyOf(entries);
  }

  public int size() {
    return entries.size();
  }
}
