package io.packetwalk.shell.tools;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.Fib;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * net-tools {@code route}: the main table as /proc/net/route shows it ({@code route -n}), and the
 * old-style {@code route add|del [-net|-host] TARGET [netmask M] [gw G] [metric N] [dev D]}.
 * Without {@code -n} the default destination is called "default" (there is no DNS to ask for the
 * rest).
 */
public final class RouteCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    boolean numeric = false;
    int i = 1;
    for (; i < argv.size() && argv.get(i).startsWith("-") && !isTargetFlag(argv.get(i)); i++) {
      String opt = argv.get(i);
      switch (opt) {
        case "-n", "--numeric" -> numeric = true;
        case "-e", "-ee", "-v", "-C", "--extend", "--verbose" -> {}
        case "-A" -> {
          if (i + 1 >= argv.size() || !argv.get(++i).equals("inet")) {
            throw new ToolFailure(1, "route: only the IPv4 table (-A inet) is simulated");
          }
        }
        case "-4" -> {}
        default -> {
          if (opt.startsWith("-n") && opt.chars().skip(1).allMatch(c -> c == 'n' || c == 'e')) {
            numeric = true;
          } else {
            throw new ToolFailure(1, "route: invalid option -- '" + opt.substring(1) + "'");
          }
        }
      }
    }
    List<String> rest = argv.subList(i, argv.size());
    if (rest.isEmpty()) {
      print(context, numeric);
      return 0;
    }
    return switch (rest.get(0)) {
      case "add" -> modify(context, rest.subList(1, rest.size()), false);
      case "del" -> modify(context, rest.subList(1, rest.size()), true);
      default -> throw new ToolFailure(6, rest.get(0) + ": Host name lookup failure");
    };
  }

  private static boolean isTargetFlag(String word) {
    return word.equals("-net") || word.equals("-host");
  }

  private static void print(ToolContext context, boolean numeric) {
    StringBuilder out = new StringBuilder("Kernel IP routing table\n");
    out.append("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
    for (Route r : context.netns().fib().main().routes()) {
      if (r.type() == RouteType.BROADCAST
          || r.type() == RouteType.LOCAL
          || r.type() == RouteType.THROW) {
        continue;
      }
      Ipv4Prefix dst = r.destination();
      String destination = !numeric && dst.length() == 0 ? "default" : dst.address().toString();
      String mask = new Ipv4Address(Ipv4Prefix.mask(dst.length())).toString();
      boolean reject = r.type() == RouteType.UNREACHABLE || r.type() == RouteType.PROHIBIT;
      long metric = Integer.toUnsignedLong(r.metric());
      if (reject) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-15s %-15s %-15s %-5s %-6d %-2s %7d %s%n",
                destination,
                "-",
                mask,
                "!",
                metric,
                "-",
                0,
                "-"));
        continue;
      }
      String flags = "U" + (r.gateway() != null ? "G" : "") + (dst.length() == 32 ? "H" : "");
      String gateway = r.gateway() == null ? "0.0.0.0" : r.gateway().toString();
      String iface = r.device() == null ? "*" : r.device().name();
      out.append(
          String.format(
              Locale.ROOT,
              "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s%n",
              destination,
              gateway,
              mask,
              flags,
              metric,
              0,
              0,
              iface));
    }
    context.print(out.toString());
  }

  /** {@code route add|del}: SIOCADDRT/SIOCDELRT, exit status 7 when the kernel refuses. */
  private static int modify(ToolContext context, List<String> args, boolean delete) {
    boolean host = false;
    String target = null;
    Integer length = null;
    Ipv4Address gateway = null;
    long metric = 0;
    boolean metricGiven = false;
    String dev = null;
    for (int i = 0; i < args.size(); i++) {
      String word = args.get(i);
      switch (word) {
        case "-net" -> host = false;
        case "-host" -> host = true;
        case "netmask", "genmask" -> length = netmask(value(args, ++i));
        case "gw", "gateway" -> gateway = address(value(args, ++i));
        case "metric" -> {
          String v = value(args, ++i);
          try {
            metric = Long.parseLong(v);
          } catch (NumberFormatException e) {
            throw new ToolFailure(3, "route: bogus metric " + v);
          }
          metricGiven = true;
        }
        case "dev" -> dev = value(args, ++i);
        case "reject", "mss", "window", "irtt", "mod", "dyn", "reinstate" ->
            throw new ToolFailure(1, "route: \"" + word + "\" is not simulated by Packetwalk");
        default -> {
          if (target == null) {
            target = word;
          } else if (dev == null) {
            dev = word;
          } else {
            throw new ToolFailure(6, word + ": Host name lookup failure");
          }
        }
      }
    }
    if (target == null) {
      throw new ToolFailure(1, "route: missing target");
    }
    Ipv4Prefix destination = destination(target, host, length);
    Fib fib = context.netns().fib();
    NetDevice device = null;
    if (dev != null) {
      String name = dev;
      device =
          context
              .netns()
              .device(dev)
              .orElseThrow(() ->
                  new ToolFailure(7, "SIOC" + (delete ? "DEL" : "ADD") + "RT: No such device"));
      if (name.isEmpty()) {
        throw new ToolFailure(7, "SIOCADDRT: No such device");
      }
    }
    try {
      if (delete) {
        NetDevice d = device;
        Ipv4Address g = gateway;
        long m = metric;
        boolean mg = metricGiven;
        fib.delete(
            Route.TABLE_MAIN,
            r ->
                r.destination().equals(destination)
                    && (d == null || r.device() == d)
                    && (g == null || g.equals(r.gateway()))
                    && (!mg || Integer.toUnsignedLong(r.metric()) == m));
      } else {
        fib.add(
            new Route(
                Route.TABLE_MAIN,
                RouteType.UNICAST,
                destination,
                gateway,
                device,
                RouteProtocol.BOOT,
                gateway == null ? AddressScope.LINK : AddressScope.GLOBAL,
                null,
                (int) metric,
                false));
      }
    } catch (KernelException e) {
      Errno errno =
          e.extack() != null && e.extack().contains("gateway") ? Errno.ENETUNREACH : e.errno();
      throw new ToolFailure(7, "SIOC" + (delete ? "DEL" : "ADD") + "RT: " + errno.message());
    }
    return 0;
  }

  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new ToolFailure(1, "route: missing argument");
    }
    return args.get(i);
  }

  private static Ipv4Address address(String text) {
    return Ipv4Address.tryParse(text)
        .orElseThrow(() -> new ToolFailure(6, text + ": Host name lookup failure"));
  }

  private static int netmask(String text) {
    Ipv4Address mask = address(text);
    int length = Integer.bitCount(mask.bits());
    if (Ipv4Prefix.mask(length) != mask.bits()) {
      throw new ToolFailure(7, "route: bogus netmask " + text);
    }
    return length;
  }

  private static Ipv4Prefix destination(String target, boolean host, Integer length) {
    if (target.equals("default")) {
      return Ipv4Prefix.DEFAULT;
    }
    Optional<Ipv4Prefix> parsed = Ipv4Prefix.tryParse(target);
    if (parsed.isEmpty()) {
      throw new ToolFailure(6, target + ": Host name lookup failure");
    }
    Ipv4Prefix prefix = parsed.get();
    int len = length != null ? length : target.contains("/") ? prefix.length() : host ? 32 : 32;
    Ipv4Prefix result = new Ipv4Prefix(prefix.address(), len);
    if (!result.isHostBitsZero()) {
      throw new ToolFailure(7, "route: netmask doesn't match route address");
    }
    return result;
  }
}
