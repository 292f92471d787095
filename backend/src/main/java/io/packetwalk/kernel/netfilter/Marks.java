package io.packetwalk.kernel.netfilter;

/** Mark values as iptables prints them: lowercase hex with {@code 0x}. */
public final class Marks {

  private Marks() {}

  public static String text(long value) {
    return "0x" + Long.toHexString(value & 0xffffffffL);
  }
}
