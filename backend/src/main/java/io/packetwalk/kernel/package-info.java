/**
 * The simulated kernels' state: hosts, network namespaces, devices, addresses, routing tables,
 * neighbour tables, bridge forwarding databases and sysctls, with the kernel's rules for changing
 * them (netlink-like operations that fail with the kernel's errno). Packets are walked elsewhere.
 */
package io.packetwalk.kernel;
