package io.packetwalk.shell.hosts;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.HostName;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.ToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code pw host add|del|list}: the machines of the lab. */
final class HostVerbs {

  static final String USAGE =
      "pw host add NAME | pw host del NAME | pw host list"
          + " | pw host kernel HOST CONFIG_BRIDGE_VLAN_FILTERING=y|n";

  /** The one kernel build option a host can be given. */
  static final String VLAN_FILTERING_OPTION = "CONFIG_BRIDGE_VLAN_FILTERING";

  private HostVerbs() {}

  static int run(ToolContext context, List<String> args) {
    if (args.isEmpty()) {
      throw PwUsage.wrong("host: say add, del or list", USAGE);
    }
    String verb = args.get(0);
    List<String> rest = args.subList(1, args.size());
    return switch (verb) {
      case "add" -> add(context.world(), name(verb, rest));
      case "del", "delete" -> delete(context, name(verb, rest));
      case "kernel" -> kernel(context.world(), rest);
      case "list", "ls", "show" -> {
        if (!rest.isEmpty()) {
          throw PwUsage.wrong("host list takes no arguments", USAGE);
        }
        yield list(context);
      }
      default -> throw PwUsage.wrong("host: unknown verb \"" + verb + "\"", USAGE);
    };
  }

  private static String name(String verb, List<String> rest) {
    if (rest.size() != 1) {
      throw PwUsage.wrong("host " + verb + " takes one host name", USAGE);
    }
    return rest.get(0);
  }

  private static int add(World world, String name) {
    if (!HostName.valid(name)) {
      throw Lookup.failure("host name \"" + name + "\" is not allowed (" + HostName.RULE + ")");
    }
    if (world.host(name).isPresent()) {
      throw Lookup.failure("host \"" + name + "\" already exists");
    }
    world.addHost(name);
    return 0;
  }

  /**
   * {@code pw host kernel HOST CONFIG_BRIDGE_VLAN_FILTERING=y|n}: builds the host's kernel with or
   * without bridge VLAN filtering; only while it has no bridge.
   */
  private static int kernel(World world, List<String> rest) {
    if (rest.size() != 2) {
      throw PwUsage.wrong("host kernel takes a host and one OPTION=y|n", USAGE);
    }
    Host host = Lookup.host(world, rest.get(0));
    String setting = rest.get(1);
    boolean on;
    if (setting.equals(VLAN_FILTERING_OPTION + "=y")) {
      on = true;
    } else if (setting.equals(VLAN_FILTERING_OPTION + "=n")) {
      on = false;
    } else {
      throw PwUsage.wrong(
          "host kernel: \"" + setting + "\" is not " + VLAN_FILTERING_OPTION + "=y or =n", USAGE);
    }
    if (!host.devicesOf(DeviceKind.Bridge.class).isEmpty()) {
      throw Lookup.failure(
          "host \""
              + host.name()
              + "\" has bridges; its kernel options can change only while it has none");
    }
    host.setBridgeVlanFiltering(on);
    return 0;
  }

  private static int delete(ToolContext context, String name) {
    World world = context.world();
    Host host = Lookup.host(world, name);
    if (world.hosts().size() == 1) {
      throw Lookup.failure("host \"" + name + "\" is the lab's only host");
    }
    if (host == context.currentHost() || host == context.host()) {
      throw Lookup.failure(
          "host \"" + name + "\" is where this command runs; pw use another host first");
    }
    if (!host.namedNamespaces().isEmpty()) {
      throw Lookup.failure(
          "host \""
              + name
              + "\" still has namespaces ("
              + host.namedNamespaces().stream()
                  .map(NetNamespace::name)
                  .collect(Collectors.joining(", "))
              + "); delete them first: pw on "
              + name
              + " ip netns del NAME");
    }
    world.removeHost(name);
    return 0;
  }

  private static int list(ToolContext context) {
    for (Host host : context.world().hosts()) {
      String mark = host == context.currentHost() ? "* " : "  ";
      String namespaces =
          host.namedNamespaces().isEmpty()
              ? "none"
              : host.namedNamespaces().stream()
                  .map(NetNamespace::name)
                  .collect(Collectors.joining(", "));
      context.println(mark + host.name() + "  namespaces: " + namespaces + "  NICs: " + nics(host));
    }
    return 0;
  }

  private static String nics(Host host) {
    List<String> shown = new ArrayList<>();
    for (NetNamespace ns : host.namespaces()) {
      for (NetDevice dev : ns.devices()) {
        if (dev.kind() instanceof DeviceKind.Physical nic) {
          String where = ns.isRoot() ? "" : " in " + ns.name();
          String cable =
              nic.cable().isPlugged() ? "switch " + nic.cable().plugged().name() : "unplugged";
          shown.add(dev.name() + where + " (" + cable + ")");
        }
      }
    }
    return shown.isEmpty() ? "none" : String.join(", ", shown);
  }
}
