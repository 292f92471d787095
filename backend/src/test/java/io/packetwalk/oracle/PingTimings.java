package io.packetwalk.oracle;

import java.util.regex.Pattern;

/**
 * Ping's clock readings: per-reply {@code time=0.054 ms}, the statistics' {@code time 202ms}, the
 * {@code rtt min/avg/max/mdev} figures, and {@code pipe N} (how many probes were in flight at once,
 * which depends on reply latency).
 */
final class PingTimings implements Normalisation {

  private static final Pattern REPLY_TIME = Pattern.compile("time=[0-9.]+ ms");
  private static final Pattern TOTAL_TIME = Pattern.compile(", time [0-9]+ms");
  private static final Pattern RTT = Pattern.compile("(?m)^rtt min/avg/max/mdev = .*$");
  private static final Pattern PIPE_LINE = Pattern.compile("(?m)^pipe [0-9]+\\n");

  @Override
  public String apply(CommandLine command, String text) {
    if (command.tool() != CommandLine.Tool.PING) {
      return text;
    }
    String t = REPLY_TIME.matcher(text).replaceAll("time=<t> ms");
    t = TOTAL_TIME.matcher(t).replaceAll(", time <t>ms");
    t = RTT.matcher(t).replaceAll("rtt min/avg/max/mdev = <t> ms");
    return PIPE_LINE.matcher(t).replaceAll("");
  }
}
