package io.packetwalk.stream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The live labs' edit log, shared by every instance of the server: each change to a live lab is
 * appended under a number from one sequence, and every instance applies a lab's entries in that
 * order to its own copy of the lab's world (docs/live-labs.md). io.packetwalk.live keeps it in the
 * database; {@link MemoryLiveLog} serves a server without one.
 */
public interface LiveLog {

  /**
   * One change: its number, the lab, the saved version whose world it applies to, who sent it
   * ({@code instance/connection}), the client message as protocol JSON, and when it was appended.
   */
  record Entry(long seq, String labId, int base, String origin, String body, Instant at) {}

  /** Appends a change and returns its number, higher than every number appended before it. */
  long append(String labId, int base, String origin, String body);

  /** The lab's entries numbered above {@code seq}, in order. */
  List<Entry> after(String labId, long seq);

  /** The lab's newest entry, if it has any. */
  Optional<Entry> newest(String labId);
}
