package io.packetwalk.engine.process;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.UdpPayload;

/** One datagram as recvfrom() returns it: who sent it, to which local address, and its data. */
public record ReceivedDatagram(
    Ipv4Address source, int sourcePort, Ipv4Address destination, UdpPayload payload) {}
