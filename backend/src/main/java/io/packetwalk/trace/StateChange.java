package io.packetwalk.trace;

/**
 * A change to kernel state a step made, so a player can rewind state as well as pictures. {@code
 * before} is null when the entry is new, {@code after} null when it is removed.
 */
public sealed interface StateChange {

  Location where();

  /** What identifies the entry within its kind (an address, a MAC, a rule, a connection). */
  String key();

  String before();

  String after();

  /** A neighbour cache entry changed ({@code ip neigh} line text, or null). */
  record Neighbour(Location where, String key, String before, String after)
      implements StateChange {}

  /** A bridge forwarding-database entry changed ({@code bridge fdb} line text, or null). */
  record Fdb(Location where, String key, String before, String after) implements StateChange {}

  /** A conntrack entry changed ({@code conntrack -L} line text, or null); key is its id. */
  record Conntrack(Location where, String key, String before, String after)
      implements StateChange {}

  /**
   * A rule's or policy's counters changed; key is {@code table chain number} or {@code table chain
   * policy}, values read {@code N packets, M bytes}.
   */
  record Counter(Location where, String key, String before, String after) implements StateChange {}
}
