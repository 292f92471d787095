package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.trace.Trace;
import java.util.List;

/**
 * The result of one {@code ping} run: the source address it used, one outcome per transmitted
 * probe, the trace, and how long it ran in virtual time (first probe to exit). {@code sendError} is
 * non-null when the kernel refused to send at all (ping's initial connect failed): ENETUNREACH
 * ("connect: Network is unreachable"), EHOSTUNREACH (unreachable route), EINVAL (blackhole route),
 * EACCES (prohibit route or a broadcast destination: iputils prints "Do you want to ping broadcast?
 * …"); then {@code outcomes} is empty.
 */
public record PingRun(
    Ipv4Address source, List<ProbeOutcome> outcomes, Trace trace, Errno sendError, long elapsedNs) {

  public PingRun {
    outcomes = List.copyOf(outcomes);
  }

  /** Probes answered with an echo reply. */
  public long received() {
    return outcomes.stream().filter(o -> o instanceof ProbeOutcome.Reply).count();
  }

  /** Probes answered with an error (iputils' "+N errors"). */
  public long errors() {
    return outcomes.stream().filter(o -> o instanceof ProbeOutcome.Error).count();
  }
}
