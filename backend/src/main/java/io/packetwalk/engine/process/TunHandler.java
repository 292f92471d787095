package io.packetwalk.engine.process;

import io.packetwalk.net.packet.Packet;

/**
 * What a process does when its TUN descriptor is readable: read() returned {@code packet} (an IPv4
 * packet from a TUN, an Ethernet frame from a TAP).
 */
@FunctionalInterface
public interface TunHandler {

  void onPacket(TunFile file, Packet packet);
}
