package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.packet.EthernetFrame;

/** One frame as it crossed a device ({@code tcpdump -i DEV}), at world time {@code timeNs}. */
public record CapturedFrame(
    long timeNs, NetDevice device, Direction direction, EthernetFrame frame) {}
