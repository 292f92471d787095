package io.packetwalk.kernel.netfilter;

/** The five IPv4 netfilter hooks, in the order a forwarded packet meets them. */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING;

  /** Whether NAT at this hook changes the destination (DNAT) rather than the source (SNAT). */
  public boolean rewritesDestination() {
    return this == PREROUTING || this == OUTPUT;
  }
}
