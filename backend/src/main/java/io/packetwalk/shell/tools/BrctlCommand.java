package io.packetwalk.shell.tools;

import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.FdbEntry;
import io.packetwalk.kernel.IfName;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * bridge-utils 1.7.1 {@code brctl}: addbr, delbr, addif, delif, show, showmacs, stp, setageing and
 * hairpin, with its tab-separated output and its messages.
 */
public final class BrctlCommand implements Tool {

  private static final String USAGE =
      """
      Usage: brctl [commands]
      commands:
      \taddbr     \t<bridge>\t\tadd bridge
      \tdelbr     \t<bridge>\t\tdelete bridge
      \taddif     \t<bridge> <device>\tadd interface to bridge
      \tdelif     \t<bridge> <device>\tdelete interface from bridge
      \thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
      \tsetageing \t<bridge> <time>\t\tset ageing time
      \tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
      \tsetfd     \t<bridge> <time>\t\tset bridge forward delay
      \tsethello  \t<bridge> <time>\t\tset hello time
      \tsetmaxage \t<bridge> <time>\t\tset max message age
      \tsetpathcost\t<bridge> <port> <cost>\tset path cost
      \tsetportprio\t<bridge> <port> <prio>\tset port priority
      \tshow      \t[ <bridge> ]\t\tshow a list of bridges
      \tshowmacs  \t<bridge>\t\tshow a list of mac addrs
      \tshowstp   \t<bridge>\t\tshow bridge stp info
      \tstp       \t<bridge> {on|off}\tturn stp on/off
      """;

  /** Commands and how many arguments each needs. */
  private record Command(String name, int args) {}

  private static final List<Command> COMMANDS =
      List.of(
          new Command("addbr", 1),
          new Command("delbr", 1),
          new Command("addif", 2),
          new Command("delif", 2),
          new Command("hairpin", 3),
          new Command("setageing", 2),
          new Command("setbridgeprio", 2),
          new Command("setfd", 2),
          new Command("sethello", 2),
          new Command("setmaxage", 2),
          new Command("setpathcost", 3),
          new Command("setportprio", 3),
          new Command("show", 0),
          new Command("showmacs", 1),
          new Command("showstp", 1),
          new Command("stp", 2));

  @Override
  public int run(ToolContext context, List<String> argv) {
    if (argv.size() < 2) {
      context.print(USAGE);
      return 1;
    }
    String name = argv.get(1);
    Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    if (command.isEmpty()) {
      context.print(USAGE);
      throw new ToolFailure(1, "never heard of command [" + name + "]");
    }
    List<String> args = argv.subList(2, argv.size());
    if (args.size() < command.get().args()) {
      context.print(USAGE);
      throw new ToolFailure(1, "Incorrect number of arguments for command");
    }
    NetNamespace ns = context.netns();
    return switch (name) {
      case "addbr" -> addbr(ns, args.get(0));
      case "delbr" -> delbr(ns, args.get(0));
      case "addif" -> addif(ns, args.get(0), args.get(1));
      case "delif" -> delif(ns, args.get(0), args.get(1));
      case "show" -> show(context, ns, args);
      case "showmacs" -> showmacs(context, ns, args.get(0));
      case "stp" -> stp(ns, args.get(0), args.get(1));
      case "setageing" -> setageing(ns, args.get(0), args.get(1));
      case "hairpin" -> hairpin(ns, args.get(0), args.get(1));
      default -> throw new ToolFailure(1, "brctl " + name + " is not simulated by Packetwalk");
    };
  }

  private static Optional<NetDevice> bridge(NetNamespace ns, String name) {
    return ns.device(name).filter(NetDevice::isBridge);
  }

  private static NetDevice existingBridge(NetNamespace ns, String name) {
    return bridge(ns, name)
        .orElseThrow(() -> new ToolFailure(1, "bridge " + name + " does not exist!"));
  }

  private static int addbr(NetNamespace ns, String requested) {
    String name = IfName.truncated(requested);
    try {
      ns.addBridge(name);
    } catch (KernelException e) {
      if (e.errno() == Errno.EEXIST) {
        throw new ToolFailure(
            1, "device " + name + " already exists; can't create bridge with the same name");
      }
      throw new ToolFailure(1, "add bridge failed: " + e.errno().message());
    }
    return 0;
  }

  private static int delbr(NetNamespace ns, String name) {
    Optional<NetDevice> dev = ns.device(name);
    if (dev.isEmpty()) {
      throw new ToolFailure(1, "bridge " + name + " doesn't exist; can't delete it");
    }
    if (!dev.get().isBridge()) {
      throw new ToolFailure(1, "can't delete bridge " + name + ": Operation not permitted");
    }
    if (dev.get().isAdminUp()) {
      throw new ToolFailure(1, "bridge " + name + " is still up; can't delete it");
    }
    ns.deleteDevice(dev.get());
    return 0;
  }

  private static int addif(NetNamespace ns, String bridgeName, String portName) {
    NetDevice bridge = existingBridge(ns, bridgeName);
    NetDevice port =
        ns.device(portName)
            .orElseThrow(() -> new ToolFailure(1, "interface " + portName + " does not exist!"));
    if (port.isBridge()) {
      throw new ToolFailure(
          1,
          "device "
              + portName
              + " is a bridge device itself; can't add a bridge device to a bridge device.");
    }
    if (port.master() != null) {
      throw new ToolFailure(
          1,
          "device "
              + portName
              + " is already a member of a bridge; can't add it to bridge "
              + bridgeName
              + ".");
    }
    try {
      ns.enslave(port, bridge);
    } catch (KernelException e) {
      throw new ToolFailure(
          1, "can't add " + portName + " to bridge " + bridgeName + ": " + e.errno().message());
    }
    return 0;
  }

  private static int delif(NetNamespace ns, String bridgeName, String portName) {
    NetDevice bridge = existingBridge(ns, bridgeName);
    NetDevice port =
        ns.device(portName)
            .orElseThrow(() -> new ToolFailure(1, "interface " + portName + " does not exist!"));
    if (port.master() != bridge) {
      throw new ToolFailure(1, "device " + portName + " is not a port of " + bridgeName);
    }
    ns.releaseFromBridge(port);
    return 0;
  }

  /** The bridge id as brctl prints it: priority, a dot, the MAC without colons. */
  static String bridgeId(NetDevice bridge) {
    BridgeState state = bridge.bridge();
    MacAddress mac =
        state.ports().isEmpty() && !state.macSetByUser() ? MacAddress.ZERO : bridge.mac();
    return "8000." + mac.toString().replace(":", "");
  }

  private static int show(ToolContext context, NetNamespace ns, List<String> names) {
    List<NetDevice> bridges;
    if (names.isEmpty()) {
      bridges = ns.devices().stream().filter(NetDevice::isBridge).toList();
    } else {
      bridges = names.stream().map(n -> existingBridge(ns, n)).toList();
    }
    if (bridges.isEmpty()) {
      return 0;
    }
    StringBuilder out = new StringBuilder("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
    for (NetDevice bridge : bridges) {
      out.append(bridge.name())
          .append("\t\t")
          .append(bridgeId(bridge))
          .append('\t')
          .append(bridge.bridge().stp() ? "yes" : "no")
          .append("\t\t");
      List<String> ports = bridge.bridge().ports().stream().map(NetDevice::name).sorted().toList();
      out.append(String.join("\n\t\t\t\t\t\t\t", ports)).append('\n');
    }
    context.print(out.toString());
    return 0;
  }

  private static int showmacs(ToolContext context, NetNamespace ns, String name) {
    NetDevice bridge =
        bridge(ns, name)
            .orElseThrow(() -> new ToolFailure(1, "read of forward table failed: No such device"));
    long now = context.world().now();
    StringBuilder out = new StringBuilder("port no\tmac addr\t\tis local?\tageing timer\n");
    List<FdbEntry> entries =
        bridge.bridge().fdb().stream()
            .sorted(
                Comparator.comparingInt((FdbEntry e) -> e.port().portNumber())
                    .thenComparing(FdbEntry::mac))
            .toList();
    for (FdbEntry e : entries) {
      boolean local = e.type() == FdbEntry.Type.LOCAL;
      long ageCs = local ? 0 : Math.max(0, (now - e.updatedNs()) / 10_000_000L);
      out.append(String.format(Locale.ROOT, "%3d", e.port().portNumber()))
          .append('\t')
          .append(e.mac())
          .append('\t')
          .append(local ? "yes" : "no")
          .append("\t\t")
          .append(String.format(Locale.ROOT, "%4d.%02d", ageCs / 100, ageCs % 100))
          .append('\n');
    }
    context.print(out.toString());
    return 0;
  }

  private static int stp(NetNamespace ns, String name, String value) {
    NetDevice bridge = existingBridge(ns, name);
    ns.setStp(bridge, value.equals("on") || value.equals("yes") || value.equals("1"));
    return 0;
  }

  private static int setageing(NetNamespace ns, String name, String value) {
    NetDevice bridge = existingBridge(ns, name);
    double seconds;
    try {
      seconds = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ToolFailure(1, "bad ageing time value");
    }
    bridge.bridge().setAgeingTimeCs((int) Math.round(seconds * 100));
    return 0;
  }

  /** brctl writes the sysfs hairpin file, which this kernel refuses for veth ports. */
  private static int hairpin(NetNamespace ns, String bridgeName, String portName) {
    NetDevice bridge = existingBridge(ns, bridgeName);
    Optional<NetDevice> port = ns.device(portName);
    String reason =
        port.isPresent() && port.get().master() == bridge
            ? "Operation not supported"
            : "No such file or directory";
    throw new ToolFailure(
        1, "can't set " + portName + " to hairpin on bridge " + bridgeName + ": " + reason);
  }
}
