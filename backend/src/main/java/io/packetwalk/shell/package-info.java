/**
 * The shell: parses a bash subset (one command per line) and runs the same commands people type on
 * a real Linux box ({@code ip}, {@code bridge}, {@code brctl}, {@code sysctl}, {@code ping}, {@code
 * nc}, …) against a simulated {@link io.packetwalk.kernel.World}, printing what the real tools
 * print. Commands are the only way the world changes.
 */
package io.packetwalk.shell;
