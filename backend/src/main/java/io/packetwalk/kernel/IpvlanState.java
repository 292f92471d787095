package io.packetwalk.kernel;

/** What an ipvlan knows beside its link settings: its lower device and that device's port. */
public record IpvlanState(NetDevice lower, IpvlanPort port) {}
