package io.packetwalk.shell;

/**
 * What one command line did: its 1-based line number, the command text, the exit status and what it
 * printed on standard output and standard error. {@code stopped} is null unless a run limit ended
 * the command, and then says which ("stopped after 5,000 packets: the per-run packet limit").
 */
public record CommandOutcome(
    int line, String cmd, int exit, String stdout, String stderr, String stopped) {

  /** An outcome no limit cut short. */
  public CommandOutcome(int line, String cmd, int exit, String stdout, String stderr) {
    this(line, cmd, exit, stdout, stderr, null);
  }
}
