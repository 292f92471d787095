package io.packetwalk.engine;

import io.packetwalk.net.Ipv4Address;

/** What {@code nc -z [-u] -w SECONDS HOST PORT} was asked to do. */
public record ConnectOptions(
    L4Protocol protocol, Ipv4Address destination, int port, long timeoutNs, int sourcePort) {

  /** Options with an ephemeral source port chosen by the kernel. */
  public ConnectOptions(L4Protocol protocol, Ipv4Address destination, int port, long timeoutNs) {
    this(protocol, destination, port, timeoutNs, 0);
  }

  public ConnectOptions {
    if (protocol == null || destination == null) {
      throw new IllegalArgumentException("nc needs a protocol and a destination");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 1..65535");
    }
    if (timeoutNs < 0) {
      throw new IllegalArgumentException("nc timeout cannot be negative");
    }
  }
}
