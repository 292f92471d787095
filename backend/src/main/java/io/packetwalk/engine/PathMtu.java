package io.packetwalk.engine;

/**
 * A learned path MTU toward one destination (a route exception, {@code ip route get} prints "cache
 * expires Nsec mtu M"): {@code mtu} bytes until world time {@code expiresNs}.
 */
public record PathMtu(int mtu, long expiresNs) {}
