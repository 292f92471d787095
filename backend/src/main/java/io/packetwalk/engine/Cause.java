package io.packetwalk.engine;

/** A reference to the step that caused an event: the run it belongs to and its seq there. */
record Cause(int run, int seq) {}
