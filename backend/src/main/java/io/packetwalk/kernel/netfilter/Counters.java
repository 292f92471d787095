package io.packetwalk.kernel.netfilter;

/** A rule's or a policy's packet and byte counters, as {@code iptables -L -v -x} shows them. */
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

  /** The {@code [packets:bytes]} form iptables-save uses. */
  public String bracketed() {
    return "[" + packets + ":" + bytes + "]";
  }

  @Override
  public String toString() {
    return packets + " packets, " + bytes + " bytes";
  }
}
