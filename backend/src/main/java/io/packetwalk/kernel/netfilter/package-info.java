/** Netfilter as a namespace holds it: iptables tables, chains and rules, conntrack, ipsets. */
package io.packetwalk.kernel.netfilter;
