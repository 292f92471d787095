package io.packetwalk.engine;

import io.packetwalk.net.Ipv4Address;

/**
 * What {@code ping} was asked to do: {@code -c count}, {@code -i interval}, {@code -W timeout} (how
 * long to wait for a reply when none has come), {@code -I} (a device name or a source address, or
 * null), {@code -t ttl}, {@code -s size} (ICMP data bytes) and {@code -M} (path-MTU mode).
 */
public record PingOptions(
    Ipv4Address destination,
    int count,
    long intervalNs,
    long timeoutNs,
    String interfaceName,
    int ttl,
    int size,
    PmtuMode pmtu) {

  /** iputils' defaults: 1 s interval, 10 s linger, TTL 64, 56 data bytes. */
  public static final long DEFAULT_INTERVAL_NS = 1_000_000_000L;

  public static final long DEFAULT_TIMEOUT_NS = 10_000_000_000L;
  public static final int DEFAULT_TTL = 64;
  public static final int DEFAULT_SIZE = 56;

  public PingOptions {
    if (destination == null) {
      throw new IllegalArgumentException("ping needs a destination");
    }
    if (count < 1) {
      throw new IllegalArgumentException("ping count must be at least 1 in a simulation");
    }
    if (intervalNs < 0 || timeoutNs < 0) {
      throw new IllegalArgumentException("ping interval and timeout cannot be negative");
    }
    if (ttl < 1 || ttl > 255) {
      throw new IllegalArgumentException("ping TTL " + ttl + " is not in 1..255");
    }
    if (size < 0 || size > 65507) {
      throw new IllegalArgumentException("ping size " + size + " is not in 0..65507");
    }
    if (pmtu == null) {
      pmtu = PmtuMode.WANT;
    }
  }

  /** {@code ping -c COUNT DESTINATION} with every other option at its default. */
  public static PingOptions of(Ipv4Address destination, int count) {
    return new PingOptions(
        destination,
        count,
        DEFAULT_INTERVAL_NS,
        DEFAULT_TIMEOUT_NS,
        null,
        DEFAULT_TTL,
        DEFAULT_SIZE,
        PmtuMode.WANT);
  }

  public PingOptions withInterval(long nanos) {
    return new PingOptions(destination, count, nanos, timeoutNs, interfaceName, ttl, size, pmtu);
  }

  public PingOptions withTimeout(long nanos) {
    return new PingOptions(destination, count, intervalNs, nanos, interfaceName, ttl, size, pmtu);
  }

  public PingOptions withInterface(String name) {
    return new PingOptions(destination, count, intervalNs, timeoutNs, name, ttl, size, pmtu);
  }

  public PingOptions withTtl(int value) {
    return new PingOptions(
        destination, count, intervalNs, timeoutNs, interfaceName, value, size, pmtu);
  }

  public PingOptions withSize(int value) {
    return new PingOptions(
        destination, count, intervalNs, timeoutNs, interfaceName, ttl, value, pmtu);
  }

  public PingOptions withPmtu(PmtuMode value) {
    return new PingOptions(
        destination, count, intervalNs, timeoutNs, interfaceName, ttl, size, value);
  }
}
