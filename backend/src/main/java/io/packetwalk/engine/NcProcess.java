package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.trace.StepKind;

/**
 * One {@code nc -z [-u] -w S HOST PORT} (netcat-openbsd). TCP: connect and close at once; it fails
 * on a reset (refused), an ICMP error, or when -w runs out. UDP: connect() only checks the route;
 * nothing is sent, so a UDP probe succeeds whether or not anything listens.
 */
final class NcProcess {

  private final Engine engine;
  private final NetNamespace netns;
  private final ConnectOptions options;
  private TcpConnection connection;
  private Errno error;
  private boolean done;
  private long startNs;
  private long endNs;
  private EventQueue.Event timeoutTimer;

  NcProcess(Engine engine, NetNamespace netns, ConnectOptions options) {
    this.engine = engine;
    this.netns = netns;
    this.options = options;
  }

  boolean done() {
    return done;
  }

  Errno error() {
    return error;
  }

  long elapsedNs() {
    return endNs - startNs;
  }

  void start() {
    startNs = engine.now();
    OutputRouting.Decision route =
        engine.outputRouting.decide(netns, options.destination(), null, null);
    String lookup =
        "nc in "
            + Texts.name(netns)
            + " connects a "
            + options.protocol()
            + " socket to "
            + options.destination()
            + ":"
            + options.port()
            + "; the route lookup: "
            + route.why();
    if (route.kind() == OutputRouting.Kind.FAILED) {
      refuse(
          route.error(),
          lookup
              + ", so connect() fails with "
              + route.error()
              + " ("
              + route.error().message()
              + ").");
      return;
    }
    if (route.kind() == OutputRouting.Kind.BROADCAST) {
      Errno errno = options.protocol() == L4Protocol.TCP ? Errno.ENETUNREACH : Errno.EACCES;
      refuse(errno, lookup + "; connect() to a broadcast address fails with " + errno + ".");
      return;
    }
    if (options.protocol() == L4Protocol.UDP) {
      engine.step(
          null,
          Engine.at(netns),
          StepKind.ROUTE_LOOKUP,
          lookup
              + ". A UDP connect() only fixes the peer: no packet is sent, so nc -z -u reports"
              + " success whether or not anything listens.",
          null);
      finish(null);
      return;
    }
    if (!engine.takePacket()) {
      engine.step(
          null,
          Engine.at(netns),
          StepKind.DROP,
          "The run has sent all the packets it may, so nc is interrupted before its SYN leaves"
              + " (EINTR).",
          null);
      finish(Errno.EINTR);
      return;
    }
    connection =
        engine.tcp.connect(
            netns,
            route.source(),
            options.sourcePort(),
            options.destination(),
            options.port(),
            this::finish,
            null);
    if (options.timeoutNs() > 0) {
      timeoutTimer = engine.timerAfter(options.timeoutNs(), Engine.at(netns), null, this::timeout);
    }
  }

  private void refuse(Errno errno, String sentence) {
    engine.end(
        null, Engine.at(netns), StepKind.ROUTE_LOOKUP, sentence, null, PingProcess.refusal(errno));
    finish(errno);
  }

  private void timeout() {
    if (done) {
      return;
    }
    engine.tcp.abort(connection);
    engine.step(
        null,
        Engine.at(netns),
        StepKind.DROP,
        "nc gives up after -w "
            + Texts.seconds(options.timeoutNs())
            + " without an answer: the connection attempt times out (ETIMEDOUT).",
        null);
    finish(Errno.ETIMEDOUT);
  }

  private void finish(Errno outcome) {
    if (!done) {
      done = true;
      error = outcome;
      endNs = engine.now();
      if (timeoutTimer != null) {
        engine.queue.cancel(timeoutTimer);
      }
    }
  }
}
