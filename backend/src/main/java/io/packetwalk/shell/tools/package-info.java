/**
 * The classic tools beside {@code ip}: procps {@code sysctl}, bridge-utils {@code brctl},
 * iproute2's {@code bridge}, and net-tools {@code route} and {@code arp}, with their output
 * formats, messages and exit statuses.
 */
package io.packetwalk.shell.tools;
