/**
 * The classic tools beside {@code ip}: procps {@code sysctl}, bridge-utils {@code brctl},
 * iproute2's {@code bridge}, and net-tools {@code route} and {@code arp}, with their output
 * formats, messages and exit statuses; and Packetwalk's simulated {@code flanneld}, which starts an
 * agent and says plainly how it differs from the real one.
 */
package io.packetwalk.shell.tools;
