package io.packetwalk.net;

import java.util.Optional;

/**
 * An address with a prefix length, as written {@code 10.0.0.1/24}. The address keeps its host bits
 * (an interface address); {@link #network()} clears them (a route destination).
 */
public record Ipv4Prefix(Ipv4Address address, int length) implements Comparable<Ipv4Prefix> {

  public static final Ipv4Prefix DEFAULT = new Ipv4Prefix(Ipv4Address.ANY, 0);

  public Ipv4Prefix {
    if (address == null) {
      throw new IllegalArgumentException("prefix address is required");
    }
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length " + length + " is not in 0..32");
    }
  }

  /** Parses {@code A.B.C.D/N} or a bare address (length 32); throws on anything else. */
  public static Ipv4Prefix parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: \"" + text + "\""));
  }

  public static Optional<Ipv4Prefix> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Ipv4Address.tryParse(text).map(a -> new Ipv4Prefix(a, 32));
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int length = Integer.parseInt(len);
    if (length > 32) {
      return Optional.empty();
    }
    return Ipv4Address.tryParse(text.substring(0, slash)).map(a -> new Ipv4Prefix(a, length));
  }

  public static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  public int mask() {
    return mask(length);
  }

  /** The prefix with host bits cleared. */
  public Ipv4Prefix network() {
    return new Ipv4Prefix(new Ipv4Address(address.bits() & mask()), length);
  }

  /** The directed broadcast address of this prefix (all host bits set). */
  public Ipv4Address broadcast() {
    return new Ipv4Address(address.bits() | ~mask());
  }

  public boolean contains(Ipv4Address candidate) {
    return ((candidate.bits() ^ address.bits()) & mask()) == 0;
  }

  public boolean isHostBitsZero() {
    return (address.bits() & ~mask()) == 0;
  }

  @Override
  public int compareTo(Ipv4Prefix other) {
    int byAddress = address.compareTo(other.address);
    return byAddress != 0 ? byAddress : Integer.compare(length, other.length);
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
