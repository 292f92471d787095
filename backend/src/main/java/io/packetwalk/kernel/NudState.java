package io.packetwalk.kernel;

/** Neighbour unreachability detection states (NUD_*), as {@code ip neigh} prints them. */
public enum NudState {
  /** Resolution in progress: a broadcast ARP request is out, packets wait in the queue. */
  INCOMPLETE,
  /** Confirmed recently; used without checks until the reachable time runs out. */
  REACHABLE,
  /** Known address, not confirmed recently; still used, revalidated on the next send. */
  STALE,
  /** Used while stale; waiting briefly for an upper-layer confirmation before probing. */
  DELAY,
  /** Being revalidated with unicast ARP requests. */
  PROBE,
  /** Resolution failed; packets to it are dropped and senders get "host unreachable". */
  FAILED,
  /** No resolution needed on this device (loopback, point-to-point). */
  NOARP,
  /** Added by hand; never changes, never probed. */
  PERMANENT;

  /** Whether a packet can be sent right away with the cached link-layer address. */
  public boolean isUsable() {
    return this == REACHABLE
        || this == STALE
        || this == DELAY
        || this == PROBE
        || this == NOARP
        || this == PERMANENT;
  }
}
