/**
 * Immutable packet headers as the simulated kernel sees them: Ethernet (with an optional 802.1Q
 * tag), ARP, IPv4, ICMP, UDP, TCP — and what a UDP datagram carries, which may be another packet (a
 * VXLAN-wrapped frame, an IPv4 packet tunnelled by flannel's UDP backend).
 */
package io.packetwalk.net.packet;
