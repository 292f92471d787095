package io.packetwalk.shell.traffic;

import io.packetwalk.net.Ipv4Address;
import java.util.Optional;

/**
 * inet_aton(): the forms of an IPv4 address the C library accepts — a.b.c.d, a.b.c (c is 16 bits),
 * a.b (b is 24 bits), a (32 bits) — each part decimal, 0x hex or 0 octal.
 */
final class InetAton {

  private InetAton() {}

  static Optional<Ipv4Address> parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Optional<Long> v = number(parts[i]);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      values[i] = v.get();
    }
    long bits = 0;
    int n = values.length;
    for (int i = 0; i < n - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      bits |= values[i] << (24 - 8 * i);
    }
    long last = values[n - 1];
    long lastMax = (1L << (8 * (5 - n))) - 1;
    if (last > lastMax) {
      return Optional.empty();
    }
    bits |= last;
    return Optional.of(new Ipv4Address((int) bits));
  }

  private static Optional<Long> number(String part) {
    if (part.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (part.startsWith("0x") || part.startsWith("0X")) {
        return Optional.of(Long.parseLong(part.substring(2), 16));
      }
      if (part.length() > 1 && part.startsWith("0")) {
        return Optional.of(Long.parseLong(part.substring(1), 8));
      }
      if (!part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(part));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
