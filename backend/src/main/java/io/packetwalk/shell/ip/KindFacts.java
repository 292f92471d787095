package io.packetwalk.shell.ip;

/**
 * What {@code ip link} prints for a device beside its addresses, fixed by its kind (Linux 6.18 on a
 * two-CPU machine): the link/TYPE word, the MTU bounds, the queue count, the {@code info_kind} and
 * the TSO limit.
 */
record KindFacts(
    String linkType, int minMtu, int maxMtu, int queues, String infoKind, int tsoMaxSize) {}
