package io.packetwalk.engine;

import io.packetwalk.trace.Trace;

/** A started agent: its process id, and the trace of what it sent as it started. */
public record ProcessRun(int pid, Trace trace) {}
