package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.trace.Trace;

/**
 * The result of one {@code nc -z} probe: whether it succeeded, the trace, the errno it failed with
 * (ECONNREFUSED, ETIMEDOUT, ENETUNREACH, EHOSTUNREACH, …; null on success) and how long it took in
 * virtual time.
 */
public record ConnectRun(boolean succeeded, Trace trace, Errno error, long elapsedNs) {}
