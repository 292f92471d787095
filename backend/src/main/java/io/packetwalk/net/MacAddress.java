package io.packetwalk.net;

import java.util.Optional;
import java.util.random.RandomGenerator;

/** A 48-bit Ethernet MAC address, printed lower-case with colons as iproute2 does. */
public record MacAddress(long bits) implements Comparable<MacAddress> {

  public static final MacAddress ZERO = new MacAddress(0);
  public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  public MacAddress {
    if (bits < 0 || bits > 0xffff_ffff_ffffL) {
      throw new IllegalArgumentException("MAC address out of range");
    }
  }

  public static MacAddress parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a MAC address: \"" + text + "\""));
  }

  /** Parses {@code aa:bb:cc:dd:ee:ff} (one or two hex digits per byte), or returns empty. */
  public static Optional<MacAddress> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 6) {
      return Optional.empty();
    }
    long bits = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 2) {
        return Optional.empty();
      }
      for (char c : part.toCharArray()) {
        if (Character.digit(c, 16) < 0) {
          return Optional.empty();
        }
      }
      bits = (bits << 8) | Integer.parseInt(part, 16);
    }
    return Optional.of(new MacAddress(bits));
  }

  /** A random locally administered unicast address, as the kernel's eth_random_addr makes. */
  public static MacAddress random(RandomGenerator random) {
    long bits = random.nextLong() & 0xffff_ffff_ffffL;
    bits &= ~(0x01L << 40); // unicast
    bits |= 0x02L << 40; // locally administered
    return new MacAddress(bits);
  }

  public int octet(int index) {
    return (int) ((bits >>> (40 - 8 * index)) & 0xff);
  }

  public boolean isBroadcast() {
    return bits == BROADCAST.bits;
  }

  public boolean isMulticast() {
    return (octet(0) & 0x01) != 0;
  }

  public boolean isZero() {
    return bits == 0;
  }

  @Override
  public int compareTo(MacAddress other) {
    return Long.compare(bits, other.bits);
  }

  @Override
  public String toString() {
    char[] out = new char[17];
    for (int i = 0; i < 6; i++) {
      int octet = octet(i);
      out[i * 3] = HEX_DIGITS[octet >>> 4];
      out[i * 3 + 1] = HEX_DIGITS[octet & 0x0f];
      if (i < 5) {
        out[i * 3 + 2] = ':';
      }
    }
    return new String(out);
  }
}
