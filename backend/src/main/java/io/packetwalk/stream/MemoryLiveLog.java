package io.packetwalk.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The live edit log of a server that keeps no database: one process, gone at restart. */
final class MemoryLiveLog implements LiveLog {

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized long append(String labId, int base, String origin, String body) {
    long seq = entries.size() + 1L;
    entries.add(new Entry(seq, labId, base, origin, body, Instant.now()));
    return seq;
  }

  @Override
  public synchronized List<Entry> after(String labId, long seq) {
    return entries.stream().filter(e -> e.labId().equals(labId) && e.seq() > seq).toList();
  }

  @Override
  public synchronized Optional<Entry> newest(String labId) {
    return entries.reversed().stream().filter(e -> e.labId().equals(labId)).findFirst();
  }
}
