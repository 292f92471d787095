/** Netfilter through the shell: traces of rules, conntrack and NAT. */
package io.packetwalk.netfilter;
