package io.packetwalk.engine;

import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;

/**
 * Kernel table entries in the words trace state changes use, so a table read now and the changes a
 * trace made can be put side by side (a player rewinds the one with the other).
 */
public final class StateLines {

  private StateLines() {}

  /** An {@code ip neigh} line, as a neighbour state change's before and after read. */
  public static String neighbour(NeighbourEntry entry) {
    return Texts.neighLine(entry);
  }

  /** A {@code bridge fdb} line, as an FDB state change's before and after read. */
  public static String fdb(FdbEntry entry, NetDevice bridge) {
    return Texts.fdbLine(entry, bridge);
  }
}
