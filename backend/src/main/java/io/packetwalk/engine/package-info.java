/**
 * The engine: a deterministic discrete-event walk of packets through the simulated kernels. {@link
 * io.packetwalk.engine.Simulator} is its only entry point (ping, nc, listeners, captures, virtual
 * time); everything else in the package is the per-namespace pipeline behind it.
 */
package io.packetwalk.engine;
