package io.packetwalk.net;

import java.util.Optional;

/** An IPv4 address held as its 32 bits; ordered numerically. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

  public static final Ipv4Address ANY = new Ipv4Address(0);
  public static final Ipv4Address LIMITED_BROADCAST = new Ipv4Address(-1);

  /** Parses strict dotted-quad notation ({@code 10.0.0.1}); throws on anything else. */
  public static Ipv4Address parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: \"" + text + "\""));
  }

  /** Parses strict dotted-quad notation, or returns empty. */
  public static Optional<Ipv4Address> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int bits = 0;
    int octets = 0;
    int length = text.length();
    int i = 0;
    while (octets < 4) {
      int start = i;
      int octet = 0;
      while (i < length && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        octet = octet * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || octet > 255) {
        return Optional.empty();
      }
      bits = (bits << 8) | octet;
      octets++;
      if (octets < 4) {
        if (i >= length || text.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
      }
    }
    if (i != length) {
      return Optional.empty();
    }
    return Optional.of(new Ipv4Address(bits));
  }

  public static Ipv4Address of(int a, int b, int c, int d) {
    return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
  }

  public long unsigned() {
    return Integer.toUnsignedLong(bits);
  }

  public int octet(int index) {
    return (bits >>> (24 - 8 * index)) & 0xff;
  }

  public boolean isLoopback() {
    return octet(0) == 127;
  }

  public boolean isMulticast() {
    return (octet(0) & 0xf0) == 0xe0;
  }

  public boolean isLimitedBroadcast() {
    return bits == -1;
  }

  public boolean isZero() {
    return bits == 0;
  }

  public Ipv4Address plus(int delta) {
    return new Ipv4Address(bits + delta);
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
  }
}
