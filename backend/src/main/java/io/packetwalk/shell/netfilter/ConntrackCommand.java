package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.ConntrackTable;
import io.packetwalk.kernel.netfilter.CtTuple;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code conntrack -L|-D|-F|-C|-E} (conntrack-tools 1.4.7) on the namespace's table, with the
 * filters {@code -p}, {@code -s}, {@code -d}, {@code --sport}, {@code --dport}, {@code --mark}.
 */
public final class ConntrackCommand implements Tool {

  private static final String PREFIX = "conntrack v1.4.7 (conntrack-tools): ";

  private enum Action {
    LIST,
    DELETE,
    FLUSH,
    COUNT,
    EVENTS
  }

  @Override
  public int run(ToolContext context, List<String> argv) {
    Action action = null;
    Predicate<ConntrackEntry> filter = e -> true;
    boolean portsAllowed = false;
    List<String> args = argv.subList(1, argv.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      Action chosen =
          switch (arg) {
            case "-L", "--dump" -> Action.LIST;
            case "-D", "--delete" -> Action.DELETE;
            case "-F", "--flush" -> Action.FLUSH;
            case "-C", "--count" -> Action.COUNT;
            case "-E", "--event" -> Action.EVENTS;
            default -> null;
          };
      if (chosen != null) {
        if (action != null) {
          throw usage("Invalid parameters");
        }
        action = chosen;
        if (i + 1 < args.size() && args.get(i + 1).equals("conntrack")) {
          i++;
        }
        continue;
      }
      if (i + 1 >= args.size() && takesValue(arg)) {
        throw usage("option `" + arg + "' requires an argument");
      }
      switch (arg) {
        case "-p", "--proto", "--protonum" -> {
          String name = args.get(++i);
          int protocol =
              switch (name) {
                case "tcp", "6" -> CtTuple.TCP;
                case "udp", "17" -> CtTuple.UDP;
                case "icmp", "1" -> CtTuple.ICMP;
                default -> throw usage("`" + name + "' unsupported protocol");
              };
          filter = filter.and(e -> e.original().protocol() == protocol);
          portsAllowed = protocol != CtTuple.ICMP;
        }
        case "-s", "--src", "--orig-src" -> {
          Ipv4Address address = address(args.get(++i));
          filter = filter.and(e -> e.original().src().equals(address));
        }
        case "-d", "--dst", "--orig-dst" -> {
          Ipv4Address address = address(args.get(++i));
          filter = filter.and(e -> e.original().dst().equals(address));
        }
        case "-r", "--reply-src" -> {
          Ipv4Address address = address(args.get(++i));
          filter = filter.and(e -> e.reply().src().equals(address));
        }
        case "-q", "--reply-dst" -> {
          Ipv4Address address = address(args.get(++i));
          filter = filter.and(e -> e.reply().dst().equals(address));
        }
        case "--sport", "--orig-port-src" -> {
          if (!portsAllowed) {
            throw usage("unknown option `" + arg + "'");
          }
          int port = port(args.get(++i));
          filter =
              filter.and(
                  e -> e.original().protocol() != CtTuple.ICMP && e.original().srcPort() == port);
        }
        case "--dport", "--orig-port-dst" -> {
          if (!portsAllowed) {
            throw usage("unknown option `" + arg + "'");
          }
          int port = port(args.get(++i));
          filter =
              filter.and(
                  e -> e.original().protocol() != CtTuple.ICMP && e.original().dstPort() == port);
        }
        case "-m", "--mark" -> {
          long mark = Words.number("conntrack", args.get(++i), "mark");
          filter = filter.and(e -> Integer.toUnsignedLong(e.mark()) == mark);
        }
        default -> throw usage("unknown option `" + arg + "'");
      }
    }
    if (action == null) {
      throw usage("no command specified");
    }
    ConntrackTable table = context.netns().netfilter().conntrack();
    long now = context.world().now();
    table.expire(now);
    switch (action) {
      case LIST -> {
        int shown = 0;
        for (ConntrackEntry entry : table.entries()) {
          if (filter.test(entry)) {
            context.println(entry.line(now));
            shown++;
          }
        }
        context.errln(PREFIX + shown + " flow entries have been shown.");
      }
      case DELETE -> {
        int deleted = 0;
        for (ConntrackEntry entry : table.entries()) {
          if (filter.test(entry)) {
            context.println(entry.line(now));
            table.remove(entry);
            deleted++;
          }
        }
        context.errln(PREFIX + deleted + " flow entries have been deleted.");
        return deleted == 0 ? 1 : 0;
      }
      case FLUSH -> {
        table.removeIf(e -> true);
        context.errln(PREFIX + "connection tracking table has been emptied.");
      }
      case COUNT -> context.println(Integer.toString(table.size()));
      case EVENTS -> {
        for (String event : table.takeEvents()) {
          context.println(event);
        }
      }
    }
    return 0;
  }

  private static boolean takesValue(String arg) {
    return !arg.startsWith("-L")
        && List.of(
                "-p",
                "--proto",
                "-s",
                "--src",
                "-d",
                "--dst",
                "-r",
                "-q",
                "--sport",
                "--dport",
                "-m",
                "--mark",
                "--orig-src",
                "--orig-dst",
                "--reply-src",
                "--reply-dst",
                "--orig-port-src",
                "--orig-port-dst",
                "--protonum")
            .contains(arg);
  }

  private static Ipv4Address address(String text) {
    return Ipv4Address.tryParse(text).orElseThrow(() -> usage("Invalid IP address `" + text + "'"));
  }

  private static int port(String text) {
    return Words.port(text).orElseThrow(() -> usage("Bad port `" + text + "'"));
  }

  private static ToolFailure usage(String message) {
    return new ToolFailure(
        2, PREFIX + message + "\nTry `conntrack -h' or 'conntrack --help' for more information.");
  }
}
