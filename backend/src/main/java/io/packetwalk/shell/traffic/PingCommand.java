package io.packetwalk.shell.traffic;

import io.packetwalk.engine.PingOptions;
import io.packetwalk.engine.PingRun;
import io.packetwalk.engine.PmtuMode;
import io.packetwalk.engine.ProbeOutcome;
import io.packetwalk.kernel.Errno;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.GetOpt;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * iputils 20221126 {@code ping -c N [-i S] [-W S] [-I DEV|ADDR] [-t TTL] [-s SIZE] [-M
 * do|want|dont] [-q] DEST}, run to completion in virtual time. Exit status 0 when a reply came, 1
 * when none did, 2 when ping could not send at all. Without {@code -c} a real ping never ends, so
 * Packetwalk asks for one.
 */
public final class PingCommand implements Tool {

  private static final String SPEC = "46aAbBCdDfhLnOqrRUvVc:e:F:i:I:l:m:M:N:p:Q:s:S:t:T:w:W:";

  private static final String USAGE =
      """

      Usage
        ping [options] <destination>

      Options:
        <destination>      dns name or ip address
        -a                 use audible ping
        -A                 use adaptive ping
        -B                 sticky source address
        -c <count>         stop after <count> replies
        -C                 call connect() syscall on socket creation
        -D                 print timestamps
        -d                 use SO_DEBUG socket option
        -e <identifier>    define identifier for ping session, default is random for
                           SOCK_RAW and kernel defined for SOCK_DGRAM
                           Imply using SOCK_RAW (for IPv4 only for identifier 0)
        -f                 flood ping
        -h                 print help and exit
        -I <interface>     either interface name or address
        -i <interval>      seconds between sending each packet
        -L                 suppress loopback of multicast packets
        -l <preload>       send <preload> number of packages while waiting replies
        -m <mark>          tag the packets going out
        -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
        -n                 no dns name resolution
        -O                 report outstanding replies
        -p <pattern>       contents of padding byte
        -q                 quiet output
        -Q <tclass>        use quality of service <tclass> bits
        -s <size>          use <size> as number of data bytes to be sent
        -S <size>          use <size> as SO_SNDBUF socket option value
        -t <ttl>           define time to live
        -U                 print user-to-user latency
        -v                 verbose output
        -V                 print version and exit
        -w <deadline>      reply wait <deadline> in seconds
        -W <timeout>       time to wait for response

      IPv4 options:
        -4                 use IPv4
        -b                 allow pinging broadcast
        -R                 record route
        -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

      IPv6 options:
        -6                 use IPv6
        -F <flowlabel>     define flow label, default is random
        -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

      For more details see ping(8).\
      """;

  @Override
  public int run(ToolContext context, List<String> argv) {
    GetOpt opts;
    try {
      opts = new GetOpt(argv.subList(1, argv.size()), SPEC);
    } catch (GetOpt.Problem p) {
      throw new ToolFailure(2, "ping: " + p.getMessage() + "\n" + USAGE);
    }
    for (GetOpt.Option o : opts.options()) {
      if ("6aAbBCdDfLORrUvVelmNpQSTwF".indexOf(o.letter()) >= 0) {
        throw new ToolFailure(2, "ping: -" + o.letter() + " is not simulated by Packetwalk");
      }
      if (o.letter() == 'h') {
        throw new ToolFailure(2, USAGE.substring(1));
      }
    }
    Integer count = null;
    if (opts.last('c').isPresent()) {
      String value = opts.last('c').get();
      long n = whole(value);
      if (n < 1) {
        throw new ToolFailure(
            1,
            "ping: invalid argument: '"
                + value
                + "': out of range: 1 <= value <= 9223372036854775807");
      }
      count = (int) Math.min(n, Integer.MAX_VALUE);
    }
    List<String> operands = opts.operands();
    if (operands.isEmpty()) {
      throw new ToolFailure(1, "ping: usage error: Destination address required");
    }
    PmtuMode pmtu = PmtuMode.WANT;
    if (opts.last('M').isPresent()) {
      pmtu =
          switch (opts.last('M').get()) {
            case "do" -> PmtuMode.DO;
            case "dont" -> PmtuMode.DONT;
            case "want" -> PmtuMode.WANT;
            default ->
                throw new ToolFailure(2, "ping: invalid -M argument: " + opts.last('M').get());
          };
    }
    int ttl = PingOptions.DEFAULT_TTL;
    if (opts.last('t').isPresent()) {
      String value = opts.last('t').get();
      long n = whole(value);
      if (n < 0 || n > 255) {
        throw new ToolFailure(
            1, "ping: invalid argument: '" + value + "': out of range: 0 <= value <= 255");
      }
      if (n == 0) {
        throw new ToolFailure(2, "ping: cannot set unicast time-to-live: Invalid argument");
      }
      ttl = (int) n;
    }
    int size = PingOptions.DEFAULT_SIZE;
    if (opts.last('s').isPresent()) {
      String value = opts.last('s').get();
      long n = whole(value);
      if (n < 0 || n > 65507) {
        throw new ToolFailure(
            1, "ping: invalid argument: '" + value + "': out of range: 0 <= value <= 65507");
      }
      size = (int) n;
    }
    long interval =
        seconds(context, opts.last('i'), PingOptions.DEFAULT_INTERVAL_NS, "bad timing interval");
    long timeout =
        seconds(context, opts.last('W'), PingOptions.DEFAULT_TIMEOUT_NS, "bad linger time");
    String target = operands.get(operands.size() - 1);
    Ipv4Address dst = resolve(target);
    if (count == null) {
      throw new ToolFailure(
          2, "ping: Packetwalk runs ping with -c COUNT only (without it ping never stops)");
    }
    PingOptions options =
        PingOptions.of(dst, count)
            .withInterval(interval)
            .withTimeout(timeout)
            .withTtl(ttl)
            .withSize(size)
            .withPmtu(pmtu);
    String bind = opts.last('I').orElse(null);
    if (bind != null) {
      options = options.withInterface(bind);
    }
    PingRun run = context.traffic().simulator().ping(context.netns(), options);
    context.traffic().recordTrace(run.trace());
    if (run.sendError() != null) {
      throw new ToolFailure(2, refusal(run.sendError(), bind));
    }
    return report(context, opts.has('q'), dst, bind, size, interval, run);
  }

  /** What iputils says when the kernel refuses the socket's bind or connect. */
  private static String refusal(Errno errno, String bind) {
    return switch (errno) {
      case ENODEV -> "ping: SO_BINDTODEVICE " + bind + ": No such device";
      case EADDRNOTAVAIL -> "ping: bind: Cannot assign requested address";
      case EACCES ->
          "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules";
      default -> "ping: connect: " + errno.message();
    };
  }

  private static Ipv4Address resolve(String target) {
    if (target.equals("localhost")) {
      return Ipv4Address.of(127, 0, 0, 1);
    }
    Optional<Ipv4Address> address = InetAton.parse(target);
    if (address.isPresent()) {
      return address.get();
    }
    if (target.indexOf(':') >= 0) {
      throw new ToolFailure(2, "ping: IPv6 is not simulated by Packetwalk");
    }
    throw new ToolFailure(2, "ping: " + target + ": Temporary failure in name resolution");
  }

  private static long whole(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ToolFailure(1, "ping: invalid argument: '" + value + "'");
    }
  }

  /** The longest -i or -W iputils takes: INT_MAX / 1000 seconds. */
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Integer.MAX_VALUE / 1000);

  /** Below this an interval is zero: no exponent is ever expanded digit by digit. */
  private static final BigDecimal ONE_NANOSECOND = new BigDecimal("1e-9");

  /**
   * -i / -W: seconds as a decimal; garbage only draws iputils' warning, and more than INT_MAX /
   * 1000 seconds is refused as iputils refuses it ({@code ping: bad timing interval: 1e22}).
   */
  private static long seconds(
      ToolContext context, Optional<String> value, long fallback, String refusal) {
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      BigDecimal seconds = new BigDecimal(value.get().strip());
      if (seconds.signum() < 0) {
        throw new ToolFailure(1, "ping: invalid argument: '" + value.get() + "': out of range");
      }
      if (seconds.compareTo(MAX_SECONDS) > 0) {
        throw new ToolFailure(2, "ping: " + refusal + ": " + value.get());
      }
      return seconds.compareTo(ONE_NANOSECOND) < 0 ? 0 : seconds.movePointRight(9).longValue();
    } catch (NumberFormatException e) {
      context.errln("ping: option argument contains garbage: " + value.get());
      context.errln("ping: this will become fatal error in the future");
      return fallback;
    }
  }

  private static int report(
      ToolContext context,
      boolean quiet,
      Ipv4Address dst,
      String bind,
      int size,
      long interval,
      PingRun run) {
    StringBuilder out = new StringBuilder();
    out.append("PING ").append(dst).append(" (").append(dst).append(") ");
    if (bind != null) {
      boolean isAddress = InetAton.parse(bind).isPresent();
      out.append("from ")
          .append(run.source())
          .append(' ')
          .append(isAddress ? "" : bind)
          .append(": ");
    }
    out.append(size).append('(').append(size + 28).append(") bytes of data.\n");
    long minUs = Long.MAX_VALUE;
    long maxUs = 0;
    long sumUs = 0;
    long sumSquares = 0;
    int received = 0;
    int errors = 0;
    for (ProbeOutcome outcome : run.outcomes()) {
      switch (outcome) {
        case ProbeOutcome.Reply r -> {
          long us = r.rttNs() / 1000;
          received++;
          minUs = Math.min(minUs, us);
          maxUs = Math.max(maxUs, us);
          sumUs += us;
          sumSquares += us * us;
          if (!quiet) {
            out.append(r.bytes())
                .append(" bytes from ")
                .append(r.from())
                .append(": icmp_seq=")
                .append(r.sequence())
                .append(" ttl=")
                .append(r.ttl())
                .append(" time=")
                .append(tripTime(us))
                .append(" ms\n");
          }
        }
        case ProbeOutcome.Error e -> {
          errors++;
          String words = e.kind().words().replace("%d", Integer.toString(e.mtu()));
          if (e.kind() == ProbeOutcome.ErrorKind.LOCAL_MESSAGE_TOO_LONG) {
            context.errln("ping: " + words);
          } else if (!quiet) {
            out.append("From ")
                .append(e.from())
                .append(" icmp_seq=")
                .append(e.sequence())
                .append(' ')
                .append(words)
                .append('\n');
          }
        }
        case ProbeOutcome.Lost l -> {}
      }
    }
    int transmitted = run.outcomes().size();
    out.append("\n--- ").append(dst).append(" ping statistics ---\n");
    out.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
    if (errors > 0) {
      out.append(", +").append(errors).append(" errors");
    }
    double loss = transmitted == 0 ? 0 : (transmitted - received) * 100.0 / transmitted;
    out.append(", ").append(percent(loss)).append("% packet loss, time ");
    out.append(elapsedMs(transmitted, interval)).append("ms\n");
    if (received > 0) {
      long avg = sumUs / received;
      long mdev = (long) Math.sqrt(Math.max(0, sumSquares / received - avg * avg));
      out.append("rtt min/avg/max/mdev = ")
          .append(micros(minUs))
          .append('/')
          .append(micros(avg))
          .append('/')
          .append(micros(maxUs))
          .append('/')
          .append(micros(mdev))
          .append(" ms\n");
    } else {
      out.append('\n');
    }
    context.print(out.toString());
    return received > 0 ? 0 : 1;
  }

  /** The statistics line's time: the intervals between the probes sent, in milliseconds. */
  static long elapsedMs(int transmitted, long intervalNs) {
    long intervals = Math.max(0, transmitted - 1);
    long highBits = Math.multiplyHigh(intervals, intervalNs);
    long nanos = intervals * intervalNs;
    return highBits != 0 || nanos < 0 ? Long.MAX_VALUE / 1_000_000L : nanos / 1_000_000L;
  }

  private static String micros(long us) {
    return String.format(Locale.ROOT, "%d.%03d", us / 1000, us % 1000);
  }

  /** iputils' precision for time=: three decimals under 10 ms, fewer above. */
  static String tripTime(long us) {
    if (us >= 100000 - 50) {
      return Long.toString((us + 500) / 1000);
    }
    if (us >= 10000 - 5) {
      return (us + 50) / 1000 + "." + ((us + 50) % 1000) / 100;
    }
    if (us >= 1000) {
      return String.format(Locale.ROOT, "%d.%02d", (us + 5) / 1000, ((us + 5) % 1000) / 10);
    }
    return micros(us);
  }

  /** printf("%g") of a percentage: six significant digits, no trailing zeros. */
  static String percent(double value) {
    BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(6));
    return rounded.stripTrailingZeros().toPlainString();
  }
}
