package io.packetwalk.stream;

import io.packetwalk.stream.protocol.Protocol.SessionToken;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Every lab the server holds, live or parked: a lab belongs to the connection that opened or
 * resumed it, and is parked when that connection closes, kept for the resume window so the tab can
 * reconnect to it. Parked labs go oldest first when the window ends, when there are too many, or
 * when the lab memory budget needs room. Thread-safe.
 */
final class LabRegistry {

  /** One lab with its session id and the secret that proves a tab owns it. */
  static final class Entry {
    private final SessionToken token;
    private final LabSession lab;
    private LabConnection owner;
    private long parkedAtNs;
    private long footprint;

    private Entry(SessionToken token, LabSession lab, LabConnection owner) {
      this.token = token;
      this.lab = lab;
      this.owner = owner;
      this.footprint = lab.footprint();
    }

    SessionToken token() {
      return token;
    }

    LabSession lab() {
      return lab;
    }
  }

  /** A resume that found its lab (and the connection that held it, to be closed), or why not. */
  record Resumed(Entry entry, LabConnection previousOwner) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Entry> byId = new LinkedHashMap<>();
  private final Map<String, Entry> parked = new LinkedHashMap<>();
  private final Duration resumeWindow;
  private final int maxParked;
  private final long budget;
  private final LongSupplier clock;
  private long total;

  LabRegistry(Duration resumeWindow, int maxParked, long budget, LongSupplier clock) {
    this.resumeWindow = resumeWindow;
    this.maxParked = maxParked;
    this.budget = budget;
    this.clock = clock;
  }

  /** Registers a new lab owned by {@code owner}, under a fresh id and secret. */
  synchronized Entry open(LabSession lab, LabConnection owner) {
    Entry entry = new Entry(new SessionToken(token(12), token(24)), lab, owner);
    byId.put(entry.token.id(), entry);
    total += entry.footprint;
    makeRoom();
    return entry;
  }

  /** The lab of {@code token} now owned by {@code owner}, when the token is right. */
  synchronized Optional<Resumed> resume(SessionToken token, LabConnection owner) {
    Entry entry = byId.get(token.id());
    if (entry == null || !secretMatches(entry, token.secret())) {
      return Optional.empty();
    }
    LabConnection previous = entry.owner == owner ? null : entry.owner;
    parked.remove(entry.token.id());
    entry.owner = owner;
    return Optional.of(new Resumed(entry, previous));
  }

  /** {@code owner}'s connection closed: its lab waits for a resume. */
  synchronized void park(Entry entry, LabConnection owner) {
    if (entry.owner != owner || !byId.containsKey(entry.token.id())) {
      return;
    }
    entry.owner = null;
    entry.parkedAtNs = clock.getAsLong();
    parked.put(entry.token.id(), entry);
    makeRoom();
  }

  /**
   * The lab's size changed after a command. Its size is read before the registry's lock is taken,
   * so a lab still busy with another connection's message never holds up the registry.
   */
  void resized(Entry entry) {
    long now = entry.lab.footprint();
    synchronized (this) {
      if (byId.containsKey(entry.token.id())) {
        total += now - entry.footprint;
      }
      entry.footprint = now;
    }
  }

  /** Whether the labs together may still grow: parked labs are evicted to make room first. */
  synchronized boolean budgetLeft() {
    makeRoom();
    return total < budget;
  }

  /** Forgets parked labs whose resume window has passed. */
  synchronized void expire() {
    long now = clock.getAsLong();
    Iterator<Entry> oldest = parked.values().iterator();
    while (oldest.hasNext()) {
      Entry entry = oldest.next();
      if (now - entry.parkedAtNs < resumeWindow.toNanos()) {
        return;
      }
      oldest.remove();
      forget(entry);
    }
  }

  synchronized int parkedCount() {
    return parked.size();
  }

  synchronized long totalFootprint() {
    return total;
  }

  private void makeRoom() {
    Iterator<Entry> oldest = parked.values().iterator();
    while (oldest.hasNext() && (parked.size() > maxParked || total >= budget)) {
      Entry entry = oldest.next();
      oldest.remove();
      forget(entry);
    }
  }

  private void forget(Entry entry) {
    byId.remove(entry.token.id());
    total -= entry.footprint;
  }

  private static boolean secretMatches(Entry entry, String secret) {
    return MessageDigest.isEqual(
        entry.token.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
