package io.packetwalk.shell.hosts;

import io.packetwalk.kernel.HostName;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.ToolContext;
import java.util.List;
import java.util.stream.Collectors;

/** {@code pw switch add|del|list}: the underlay switches that join hosts' physical NICs. */
final class SwitchVerbs {

  static final String USAGE = "pw switch add NAME | pw switch del NAME | pw switch list";

  private SwitchVerbs() {}

  static int run(ToolContext context, List<String> args) {
    if (args.isEmpty()) {
      throw PwUsage.wrong("switch: say add, del or list", USAGE);
    }
    String verb = args.get(0);
    List<String> rest = args.subList(1, args.size());
    World world = context.world();
    return switch (verb) {
      case "add" -> add(world, name(verb, rest));
      case "del", "delete" -> {
        Lookup.underlaySwitch(world, name(verb, rest));
        world.removeSwitch(rest.get(0));
        yield 0;
      }
      case "list", "ls", "show" -> {
        if (!rest.isEmpty()) {
          throw PwUsage.wrong("switch list takes no arguments", USAGE);
        }
        yield list(context);
      }
      default -> throw PwUsage.wrong("switch: unknown verb \"" + verb + "\"", USAGE);
    };
  }

  private static String name(String verb, List<String> rest) {
    if (rest.size() != 1) {
      throw PwUsage.wrong("switch " + verb + " takes one switch name", USAGE);
    }
    return rest.get(0);
  }

  private static int add(World world, String name) {
    if (!HostName.valid(name)) {
      throw Lookup.failure("switch name \"" + name + "\" is not allowed (" + HostName.RULE + ")");
    }
    if (world.underlaySwitch(name).isPresent()) {
      throw Lookup.failure("switch \"" + name + "\" already exists");
    }
    world.addSwitch(name);
    return 0;
  }

  static int list(ToolContext context) {
    for (UnderlaySwitch sw : context.world().switches()) {
      String ports =
          sw.ports().isEmpty()
              ? "none"
              : sw.ports().stream().map(SwitchVerbs::port).collect(Collectors.joining(", "));
      context.println(sw.name() + "  ports: " + ports);
    }
    return 0;
  }

  private static String port(NetDevice nic) {
    return nic.netns().host().name() + "/" + nic.name();
  }
}
