package io.packetwalk.shell;

/**
 * What one command line did: its 1-based line number, the command text, the exit status and what it
 * printed on standard output and standard error.
 */
public record CommandOutcome(int line, String cmd, int exit, String stdout, String stderr) {}
