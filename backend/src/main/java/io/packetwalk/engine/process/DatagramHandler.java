package io.packetwalk.engine.process;

/** What a process does when its UDP socket is readable: recvfrom() returned {@code datagram}. */
@FunctionalInterface
public interface DatagramHandler {

  void onDatagram(UdpSocket socket, ReceivedDatagram datagram);
}
