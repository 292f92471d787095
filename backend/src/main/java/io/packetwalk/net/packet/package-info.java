/**
 * Immutable packet headers as the simulated kernel sees them: Ethernet, ARP, IPv4, ICMP, UDP, TCP.
 */
package io.packetwalk.net.packet;
