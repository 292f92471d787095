package io.packetwalk.shell.tools;

import io.packetwalk.kernel.NeighbourEntry;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.NudState;
import io.packetwalk.kernel.Route;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * net-tools {@code arp}: the neighbour table as /proc/net/arp shows it (default Linux style, or BSD
 * style with {@code -a}), {@code -i DEV} and a host to narrow it, {@code -d HOST} to delete and
 * {@code -s HOST MAC} to add a permanent entry on the device the route to HOST uses.
 */
public final class ArpCommand implements Tool {

  private static final String USAGE =
      "Usage:\n"
          + "  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n"
          + "  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry\n"
          + "  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file\n"
          + "  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry\n"
          + "  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-\n"
          + "\n"
          + "        -a                       display (all) hosts in alternative (BSD) style\n"
          + "        -e                       display (all) hosts in default (Linux) style\n"
          + "        -s, --set                set a new ARP entry\n"
          + "        -d, --delete             delete a specified entry\n"
          + "        -v, --verbose            be verbose\n"
          + "        -n, --numeric            don't resolve names\n"
          + "        -i, --device             specify network interface (e.g. eth0)\n"
          + "        -D, --use-device         read <hwaddr> from given device\n"
          + "        -A, -p, --protocol       specify protocol family\n"
          + "        -f, --file               read new entries from file or from /etc/ethers\n"
          + "\n"
          + "  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether\n"
          + "  List of possible hardware types (which support ARP):\n"
          + "    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n"
          + "    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) \n"
          + "    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n"
          + "    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) \n";

  private static final String HEADER =
      "Address                  HWtype  HWaddress           Flags Mask            Iface\n";

  @Override
  public int run(ToolContext context, List<String> argv) {
    boolean bsd = false;
    String iface = null;
    String delete = null;
    String setHost = null;
    String setMac = null;
    String host = null;
    for (int i = 1; i < argv.size(); i++) {
      String arg = argv.get(i);
      switch (arg) {
        case "-a", "--all" -> bsd = true;
        case "-e" -> bsd = false;
        case "-n", "--numeric", "-v", "--verbose" -> {}
        case "-i", "--device" -> iface = value(argv, ++i);
        case "-d", "--delete" -> delete = value(argv, ++i);
        case "-s", "--set" -> {
          setHost = value(argv, ++i);
          setMac = value(argv, ++i);
        }
        case "-H", "--hw-type", "-t" -> {
          if (!value(argv, ++i).equals("ether")) {
            throw new ToolFailure(255, "arp: only ether is simulated");
          }
        }
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            if (arg.chars().skip(1).allMatch(c -> c == 'n' || c == 'v' || c == 'a' || c == 'e')) {
              bsd = bsd || arg.indexOf('a') > 0;
              continue;
            }
            throw new ToolFailure(
                3,
                "arp: invalid option -- '"
                    + arg.charAt(1)
                    + "'\n"
                    + USAGE.substring(0, USAGE.length() - 1));
          }
          host = arg;
        }
      }
    }
    NetNamespace ns = context.netns();
    NetDevice only = null;
    if (iface != null) {
      String name = iface;
      only =
          ns.device(iface)
              .orElseThrow(() ->
                  new ToolFailure(
                      255, "arp: can't get HW-Address for `" + name + "': No such device."));
    }
    if (delete != null) {
      return delete(context, ns, address(delete), only);
    }
    if (setHost != null) {
      return set(context, ns, address(setHost), setMac, only);
    }
    return show(context, ns, bsd, only, host == null ? null : address(host), host);
  }

  private static String value(List<String> argv, int i) {
    if (i >= argv.size()) {
      throw new ToolFailure(255, "arp: option requires an argument");
    }
    return argv.get(i);
  }

  private static Ipv4Address address(String text) {
    return Ipv4Address.tryParse(text)
        .orElseThrow(() -> new ToolFailure(255, "arp: " + text + ": Unknown host"));
  }

  private static boolean complete(NeighbourEntry e) {
    return e.lladdr() != null && e.state() != NudState.INCOMPLETE && e.state() != NudState.FAILED;
  }

  private static int show(
      ToolContext context,
      NetNamespace ns,
      boolean bsd,
      NetDevice only,
      Ipv4Address host,
      String hostText) {
    List<NeighbourEntry> all =
        ns.neighbours().entries().stream().filter(e -> e.state() != NudState.NOARP).toList();
    List<NeighbourEntry> shown =
        all.stream()
            .filter(e -> (only == null || e.device() == only))
            .filter(e -> host == null || e.address().equals(host))
            .toList();
    StringBuilder out = new StringBuilder();
    if (shown.isEmpty()) {
      if (host != null && only == null && !bsd) {
        context.println(hostText + " (" + host + ") -- no entry");
      } else if (host != null || only != null) {
        context.println("arp: in " + all.size() + " entries no match found.");
      }
      return 0;
    }
    if (!bsd) {
      out.append(HEADER);
    }
    for (NeighbourEntry e : shown) {
      boolean complete = complete(e);
      boolean permanent = e.state() == NudState.PERMANENT;
      if (bsd) {
        out.append("? (").append(e.address()).append(") at ");
        out.append(complete ? e.lladdr() + " [ether]" : "<incomplete>");
        out.append(permanent ? " PERM" : "").append(" on ").append(e.device().name()).append('\n');
        continue;
      }
      String flags = (complete ? "C" : "") + (permanent ? "M" : "");
      if (complete) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-25s%-8s%-20s%-6s%-16s%s%n",
                e.address(),
                "ether",
                e.lladdr(),
                flags,
                "",
                e.device().name()));
      } else {
        out.append(
            String.format(
                Locale.ROOT,
                "%-25s%-8s%-20s%-6s%-16s%s%n",
                e.address(),
                "",
                "(incomplete)",
                flags,
                "",
                e.device().name()));
      }
    }
    context.print(out.toString());
    return 0;
  }

  /** The device the kernel would use to reach the host (SIOCSARP/SIOCDARP without -i). */
  private static Optional<NetDevice> deviceFor(NetNamespace ns, Ipv4Address host) {
    return ns.fib().lookup(host).map(Route::device);
  }

  private static int delete(
      ToolContext context, NetNamespace ns, Ipv4Address host, NetDevice only) {
    NetDevice dev = only != null ? only : deviceFor(ns, host).orElse(null);
    if (dev == null) {
      throw new ToolFailure(255, "SIOCDARP(dontpub): Network is unreachable");
    }
    Optional<NeighbourEntry> entry = ns.neighbours().find(host, dev);
    if (entry.isEmpty()) {
      context.println("No ARP entry for " + host);
      return 255;
    }
    ns.neighbours().remove(entry.get());
    return 0;
  }

  private static int set(
      ToolContext context, NetNamespace ns, Ipv4Address host, String macText, NetDevice only) {
    MacAddress mac =
        MacAddress.tryParse(macText)
            .orElseThrow(() -> new ToolFailure(255, "arp: invalid hardware address"));
    NetDevice dev = only != null ? only : deviceFor(ns, host).orElse(null);
    if (dev == null) {
      throw new ToolFailure(255, "SIOCSARP: Network is unreachable");
    }
    long now = context.world().now();
    Optional<NeighbourEntry> existing = ns.neighbours().find(host, dev);
    NeighbourEntry entry =
        existing.orElseGet(() -> new NeighbourEntry(host, dev, NudState.PERMANENT, now));
    entry.update(NudState.PERMANENT, mac, now);
    if (existing.isEmpty()) {
      ns.neighbours().add(entry);
    }
    return 0;
  }
}
