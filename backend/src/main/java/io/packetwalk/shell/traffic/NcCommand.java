package io.packetwalk.shell.traffic;

import io.packetwalk.engine.ConnectOptions;
import io.packetwalk.engine.ConnectRun;
import io.packetwalk.engine.L4Protocol;
import io.packetwalk.kernel.Errno;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.GetOpt;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * netcat-openbsd 1.219 {@code nc}: {@code nc -l [-k] [-u] [-p] PORT &} leaves a listener in the
 * namespace; {@code nc [-z] [-v] [-u] [-w S] HOST PORT} connects (or probes a UDP port) and exits 0
 * on success, 1 otherwise, with netcat's messages under {@code -v}.
 */
public final class NcCommand implements Tool {

  private static final String SPEC = "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";

  private static final String USAGE =
      "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
          + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
          + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
          + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
          + "\t  [destination] [port]";

  /** The /etc/services names nc prints for well-known ports. */
  private static final Map<Integer, String> TCP_SERVICES =
      Map.of(
          21,
          "ftp",
          22,
          "ssh",
          23,
          "telnet",
          25,
          "smtp",
          53,
          "domain",
          80,
          "http",
          443,
          "https",
          8080,
          "http-alt");

  private static final Map<Integer, String> UDP_SERVICES =
      Map.of(53, "domain", 67, "bootps", 68, "bootpc", 123, "ntp", 5353, "mdns");

  /** Without -w, a TCP connect gives up after the kernel's SYN retries (about two minutes). */
  private static final long DEFAULT_TIMEOUT_NS = 127_000_000_000L;

  @Override
  public int run(ToolContext context, List<String> argv) {
    GetOpt opts;
    try {
      opts = new GetOpt(argv.subList(1, argv.size()), SPEC);
    } catch (GetOpt.Problem p) {
      throw new ToolFailure(1, "nc: " + p.getMessage() + "\n" + USAGE);
    }
    for (GetOpt.Option o : opts.options()) {
      if ("46CDdFIiMmNOPqrSsTtUVWXxZ".indexOf(o.letter()) >= 0) {
        throw new ToolFailure(1, "nc: -" + o.letter() + " is not simulated by Packetwalk");
      }
      if (o.letter() == 'h') {
        throw new ToolFailure(1, USAGE);
      }
    }
    L4Protocol protocol = opts.has('u') ? L4Protocol.UDP : L4Protocol.TCP;
    if (opts.has('l')) {
      return listen(context, opts, protocol);
    }
    List<String> operands = opts.operands();
    if (operands.isEmpty()) {
      throw new ToolFailure(1, USAGE);
    }
    if (operands.size() < 2) {
      throw new ToolFailure(1, "nc: missing port number");
    }
    String host = operands.get(0);
    int port = port(operands.get(1));
    Ipv4Address dst = resolve(host, operands.get(1));
    long timeout = opts.last('w').map(w -> seconds(w) * 1_000_000_000L).orElse(DEFAULT_TIMEOUT_NS);
    int sourcePort = opts.last('p').map(NcCommand::port).orElse(0);
    ConnectRun run =
        context
            .traffic()
            .simulator()
            .connect(context.netns(), new ConnectOptions(protocol, dst, port, timeout, sourcePort));
    context.traffic().recordTrace(run.trace());
    String proto = protocol == L4Protocol.TCP ? "tcp" : "udp";
    boolean verbose = opts.has('v');
    if (run.succeeded()) {
      if (verbose) {
        String service =
            (protocol == L4Protocol.TCP ? TCP_SERVICES : UDP_SERVICES).getOrDefault(port, "*");
        context.errln(
            "Connection to "
                + host
                + " "
                + port
                + " port ["
                + proto
                + "/"
                + service
                + "] succeeded!");
      }
      return 0;
    }
    if (verbose) {
      Errno error = run.error();
      String how =
          error == Errno.ETIMEDOUT
              ? "timed out: Operation now in progress"
              : "failed: " + error.message();
      context.errln("nc: connect to " + host + " port " + port + " (" + proto + ") " + how);
    }
    return 1;
  }

  private static int listen(ToolContext context, GetOpt opts, L4Protocol protocol) {
    Optional<String> portText =
        opts.last('p').or(() -> opts.operands().stream().reduce((a, b) -> b));
    if (portText.isEmpty()) {
      throw new ToolFailure(1, "nc: missing port number");
    }
    int port = port(portText.get());
    if (!context.background()) {
      throw new ToolFailure(
          1,
          "nc: Packetwalk runs listeners in the background only: nc -l "
              + port
              + " & (in the foreground nc would wait for ever)");
    }
    boolean fresh =
        context.traffic().simulator().listen(context.netns(), protocol, port, opts.has('k'));
    if (!fresh) {
      throw new ToolFailure(1, "nc: Address already in use");
    }
    return 0;
  }

  private static int port(String text) {
    if (!text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
      throw new ToolFailure(1, "nc: port number invalid: " + text);
    }
    long value = text.length() > 9 ? Long.MAX_VALUE : Long.parseLong(text);
    if (value > 65535) {
      throw new ToolFailure(1, "nc: port number too large: " + text);
    }
    if (value == 0) {
      throw new ToolFailure(1, "nc: port number invalid: " + text);
    }
    return (int) value;
  }

  private static Ipv4Address resolve(String host, String port) {
    if (host.equals("localhost")) {
      return Ipv4Address.of(127, 0, 0, 1);
    }
    return Ipv4Address.tryParse(host)
        .orElseThrow(() ->
            new ToolFailure(
                1,
                "nc: getaddrinfo for host \""
                    + host
                    + "\" port "
                    + port
                    + ": Temporary failure in name resolution"));
  }

  /** OpenBSD nc takes -w from 0 to INT_MAX / 1000 seconds. */
  private static final long MAX_TIMEOUT_SECONDS = Integer.MAX_VALUE / 1000;

  private static long seconds(String text) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      if (text.matches("\\d+")) {
        throw new ToolFailure(1, "nc: timeout too large: " + text);
      }
      throw new ToolFailure(1, "nc: timeout invalid: " + text);
    }
    if (value <= 0) {
      throw new ToolFailure(1, "nc: timeout invalid: " + text);
    }
    if (value > MAX_TIMEOUT_SECONDS) {
      throw new ToolFailure(1, "nc: timeout too large: " + text);
    }
    return value;
  }
}
