/** The netfilter tools: iptables, iptables-save, iptables-restore, conntrack, ipset, dmesg. */
package io.packetwalk.shell.netfilter;
