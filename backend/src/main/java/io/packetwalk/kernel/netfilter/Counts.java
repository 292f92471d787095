package io.packetwalk.kernel.netfilter;

/** Packet and byte counts read at one moment, as {@code iptables -L -v -x} shows them. */
public record Counts(long packets, long bytes) {

  /** The {@code [packets:bytes]} form iptables-save uses. */
  public String bracketed() {
    return "[" + packets + ":" + bytes + "]";
  }

  @Override
  public String toString() {
    return packets + " packets, " + bytes + " bytes";
  }
}
