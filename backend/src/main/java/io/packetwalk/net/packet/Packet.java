package io.packetwalk.net.packet;

/** What a trace step can show: a whole frame (on a link) or an IPv4 packet (inside the stack). */
public sealed interface Packet permits EthernetFrame, Ipv4Packet {}
