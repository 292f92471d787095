/**
 * The programs that make traffic: iputils {@code ping}, netcat-openbsd {@code nc} and {@code
 * tcpdump}. They run in virtual time through the engine's {@link io.packetwalk.engine.Simulator},
 * and print what the real programs print.
 */
package io.packetwalk.shell.traffic;
