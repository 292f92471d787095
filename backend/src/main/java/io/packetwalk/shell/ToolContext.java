package io.packetwalk.shell;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import java.util.List;

/**
 * What a running program sees: the namespace it runs in, the world, its standard output and error,
 * the traffic engine, and a way to run another program (as {@code ip netns exec} does).
 */
public final class ToolContext {

  private final ShellSession session;
  private final NetNamespace netns;
  private final StringBuilder out;
  private final StringBuilder err;
  private final boolean background;
  private final ShellRun run;
  private final String stdin;

  ToolContext(
      ShellSession session,
      NetNamespace netns,
      StringBuilder out,
      StringBuilder err,
      boolean background,
      ShellRun run,
      String stdin) {
    this.session = session;
    this.netns = netns;
    this.out = out;
    this.err = err;
    this.background = background;
    this.run = run;
    this.stdin = stdin;
  }

  /** Standard input (a here-document or a file's text); empty when there is none. */
  public String stdin() {
    return stdin == null ? "" : stdin;
  }

  /** Whether the program has standard input to read (as opposed to a terminal). */
  public boolean hasStdin() {
    return stdin != null;
  }

  /** The session's files: what {@code > FILE} wrote, for {@code cat} and {@code < FILE}. */
  public ShellFiles files() {
    return session.files();
  }

  /** Whether the program was started in the background ({@code … &}). */
  public boolean background() {
    return background;
  }

  public NetNamespace netns() {
    return netns;
  }

  public Host host() {
    return netns.host();
  }

  public World world() {
    return session.world();
  }

  /** The session's traffic engine and capture state (ping, nc, tcpdump, sleep). */
  public Traffic traffic() {
    return session.traffic();
  }

  /** Whether a run limit has ended the run this program belongs to: it should stop working. */
  public boolean stopped() {
    return run.isStopped();
  }

  /** Writes to standard output as is, as far as the run's output limit allows. */
  public void print(String text) {
    out.append(run.admitOutput(text));
  }

  /** Writes a line to standard output. */
  public void println(String line) {
    print(line + '\n');
  }

  /** Writes a line to standard error, as far as the run's output limit allows. */
  public void errln(String line) {
    err.append(run.admitOutput(line + '\n'));
  }

  /** Runs another program in {@code target}, sharing this program's output; returns its status. */
  public int exec(NetNamespace target, List<String> argv) {
    return session.dispatch(
        new ToolContext(session, target, out, err, background, run, stdin), argv, true);
  }
}
