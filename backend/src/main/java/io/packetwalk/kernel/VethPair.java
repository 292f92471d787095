package io.packetwalk.kernel;

/** The two ends of a veth pair: a frame sent on one end is received on the other. */
public final class VethPair {

  private NetDevice first;
  private NetDevice second;

  VethPair() {}

  /** Ties the two ends together once both are registered (each end's kind holds this pair). */
  void bind(NetDevice firstEnd, NetDevice secondEnd) {
    this.first = firstEnd;
    this.second = secondEnd;
  }

  public NetDevice first() {
    return first;
  }

  public NetDevice second() {
    return second;
  }

  /** The other end of the pair. */
  public NetDevice peerOf(NetDevice end) {
    if (end == first) {
      return second;
    }
    if (end == second) {
      return first;
    }
    throw new IllegalArgumentException(end.name() + " is not an end of this veth pair");
  }
}
