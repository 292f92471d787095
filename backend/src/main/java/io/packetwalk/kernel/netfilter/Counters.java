package io.packetwalk.kernel.netfilter;

/**
 * A policy's packet and byte counters, as {@code iptables -L -v -x} shows them (a rule keeps its
 * own inline, next to what a packet's walk reads).
 */
public final class Counters {

  private long packets;
  private long bytes;

  public long packets() {
    return packets;
  }

  public long bytes() {
    return bytes;
  }

  public void count(int length) {
    packets++;
    bytes += length;
  }

  public void set(long newPackets, long newBytes) {
    this.packets = newPackets;
    this.bytes = newBytes;
  }

  public void zero() {
    set(0, 0);
  }

  public Counts counts() {
    return new Counts(packets, bytes);
  }

  /** The {@code [packets:bytes]} form iptables-save uses. */
  public String bracketed() {
    return counts().bracketed();
  }

  @Override
  public String toString() {
    return counts().toString();
  }
}
