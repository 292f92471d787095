package io.packetwalk.engine.process;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.UdpPayload;

/** A bound UDP socket of a process. */
public interface UdpSocket extends FileDescriptor {

  /** The local port it is bound to. */
  int port();

  /**
   * sendto(): the kernel routes a datagram from this port to {@code destination}:{@code port}
   * carrying {@code payload}, with the route's preferred source address.
   */
  void sendTo(Ipv4Address destination, int port, UdpPayload payload);
}
