package io.packetwalk.kernel;

/** RFC 2863 operational state, as {@code ip link} prints after "state". */
public enum OperState {
  /** Up and has carrier. */
  UP,
  /** Administratively down. */
  DOWN,
  /** Up, but the layer below (the veth peer) is down. */
  LOWERLAYERDOWN,
  /** Up, state not reported by the driver (loopback, dummy). */
  UNKNOWN
}
