package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.List;

/**
 * {@code ip [OPTIONS] OBJECT [COMMAND …]}: reads the global options as iproute2 6.1 does (each may
 * be abbreviated; the first table entry that matches wins, so {@code -b} is -batch and {@code -br}
 * is -brief) and hands over to the object, which may also be abbreviated ({@code ip a}, {@code ip
 * r}, {@code ip n}, {@code ip l}).
 */
public final class IpCommand implements Tool {

  /** iproute2's object table, in its order (the order decides which abbreviation wins). */
  private static final List<String> OBJECTS =
      List.of(
          "address",
          "addrlabel",
          "maddress",
          "route",
          "rule",
          "neighbor",
          "neighbour",
          "ntable",
          "ntbl",
          "link",
          "l2tp",
          "fou",
          "ila",
          "macsec",
          "tunnel",
          "tunl",
          "tuntap",
          "tap",
          "token",
          "tcpmetrics",
          "tcp_metrics",
          "monitor",
          "xfrm",
          "mroute",
          "mrule",
          "netns",
          "netconf",
          "vrf",
          "sr",
          "nexthop",
          "mptcp",
          "ioam",
          "help",
          "stats");

  @Override
  public int run(ToolContext context, List<String> argv) {
    IprouteArgs args = new IprouteArgs(argv.subList(1, argv.size()));
    IpOptions options = IpOptions.defaults();
    NetNamespace netns = context.netns();
    while (args.hasNext() && args.peek().startsWith("-")) {
      String option = args.take();
      if (option.equals("--")) {
        break;
      }
      String opt = option.startsWith("--") ? option.substring(1) : option;
      if (IprouteArgs.matches(opt, "-loops")) {
        takeValue(args);
      } else if (IprouteArgs.matches(opt, "-family")) {
        options = options.withFamily(family(takeValue(args)));
      } else if (opt.equals("-4")) {
        options = options.withFamily(IpOptions.Family.INET);
      } else if (opt.equals("-6")) {
        options = options.withFamily(IpOptions.Family.INET6);
      } else if (opt.equals("-0")) {
        options = options.withFamily(IpOptions.Family.PACKET);
      } else if (opt.equals("-M")) {
        options = options.withFamily(IpOptions.Family.MPLS);
      } else if (opt.equals("-B")) {
        options = options.withFamily(IpOptions.Family.BRIDGE);
      } else if (IprouteArgs.matches(opt, "-human")
          || IprouteArgs.matches(opt, "-human-readable")
          || IprouteArgs.matches(opt, "-iec")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-stats") || IprouteArgs.matches(opt, "-statistics")) {
        options = options.withStats();
      } else if (IprouteArgs.matches(opt, "-details")) {
        options = options.withDetails();
      } else if (IprouteArgs.matches(opt, "-resolve")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-oneline")) {
        options = options.withOneline();
      } else if (IprouteArgs.matches(opt, "-timestamp") || IprouteArgs.matches(opt, "-tshort")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-Version")) {
        context.println("ip utility, iproute2-6.1.0, libbpf 1.1.2");
        return 0;
      } else if (IprouteArgs.matches(opt, "-force")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-batch")) {
        throw new ToolFailure(2, "Packetwalk: ip -batch is not simulated");
      } else if (IprouteArgs.matches(opt, "-brief")) {
        options = options.withBrief();
      } else if (IprouteArgs.matches(opt, "-json")) {
        options = options.withJson();
      } else if (IprouteArgs.matches(opt, "-pretty")) {
        options = options.withPretty();
      } else if (IprouteArgs.matches(opt, "-rcvbuf")) {
        takeValue(args);
      } else if (opt.equals("-c")
          || IprouteArgs.matches(opt, "-color")
          || opt.startsWith("-color=")
          || opt.startsWith("-c=")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-help")) {
        throw IpUsage.of(IpUsage.IP);
      } else if (IprouteArgs.matches(opt, "-netns")) {
        netns = switchNetns(context, takeValue(args));
      } else if (IprouteArgs.matches(opt, "-Numeric")) {
        continue;
      } else if (IprouteArgs.matches(opt, "-all")) {
        continue;
      } else {
        throw new ToolFailure(255, "Option \"" + option + "\" is unknown, try \"ip -help\".");
      }
    }
    if (!options.json()) {
      options =
          new IpOptions(
              options.family(),
              options.details(),
              options.brief(),
              false,
              false,
              options.oneline(),
              options.stats());
    }
    if (!args.hasNext()) {
      throw IpUsage.of(IpUsage.IP);
    }
    String object = args.take();
    IpContext ip = new IpContext(context, netns, options);
    for (String candidate : OBJECTS) {
      if (IprouteArgs.matches(object, candidate)) {
        return runObject(candidate, ip, args);
      }
    }
    throw new ToolFailure(1, "Object \"" + object + "\" is unknown, try \"ip help\".");
  }

  private static int runObject(String object, IpContext ip, IprouteArgs args) {
    return switch (object) {
      case "address" -> new IpAddr(ip).run(args);
      case "route" -> new IpRoute(ip).run(args);
      case "rule" -> new IpRule(ip).run(args);
      case "neighbor", "neighbour" -> new IpNeigh(ip).run(args);
      case "link" -> new IpLink(ip).run(args);
      case "netns" -> new IpNetns(ip).run(args);
      case "tuntap", "tap" -> new IpTuntap(ip).run(args);
      case "help" -> throw IpUsage.of(IpUsage.IP);
      default -> throw IpLink.unsimulated("ip " + object);
    };
  }

  private static String takeValue(IprouteArgs args) {
    if (!args.hasNext()) {
      throw IpUsage.of(IpUsage.IP);
    }
    return args.take();
  }

  private static IpOptions.Family family(String name) {
    return switch (name) {
      case "inet" -> IpOptions.Family.INET;
      case "inet6" -> IpOptions.Family.INET6;
      case "link" -> IpOptions.Family.PACKET;
      case "bridge" -> IpOptions.Family.BRIDGE;
      case "mpls" -> IpOptions.Family.MPLS;
      case "help" -> throw IpUsage.of(IpUsage.IP);
      default -> throw IprouteArgs.invarg("invalid protocol family", name);
    };
  }

  /** {@code ip -n NS}: netns_switch(). */
  private static NetNamespace switchNetns(ToolContext context, String name) {
    return context.host().namedNamespaces().stream()
        .filter(ns -> ns.name().equals(name))
        .findFirst()
        .orElseThrow(() ->
            new ToolFailure(
                255, "Cannot open network namespace \"" + name + "\": No such file or directory"));
  }
}
