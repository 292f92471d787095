package io.packetwalk.trace;

/**
 * A change to kernel state a step made, so a player can rewind state as well as pictures. {@code
 * before} is null when the entry is new, {@code after} null when it is removed.
 */
public sealed interface StateChange {

  /** A neighbour cache entry changed ({@code ip neigh} line text, or null). */
  record Neighbour(Location where, String address, String before, String after)
      implements StateChange {}

  /** A bridge forwarding-database entry changed ({@code bridge fdb} line text, or null). */
  record Fdb(Location bridge, String mac, String before, String after) implements StateChange {}
}
