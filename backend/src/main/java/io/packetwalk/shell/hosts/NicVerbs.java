package io.packetwalk.shell.hosts;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.IfName;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolContext;
import java.util.List;

/** {@code pw nic add|del|plug|unplug}: a host's physical NICs and their cables. */
final class NicVerbs {

  static final String USAGE =
      "pw nic add HOST DEV [switch SW] [address MAC] | pw nic del HOST DEV\n"
          + "       pw nic plug HOST DEV SW | pw nic unplug HOST DEV";

  private NicVerbs() {}

  static int run(ToolContext context, List<String> args) {
    if (args.isEmpty()) {
      throw PwUsage.wrong("nic: say add, del, plug or unplug", USAGE);
    }
    String verb = args.get(0);
    List<String> rest = args.subList(1, args.size());
    World world = context.world();
    switch (verb) {
      case "add" -> add(world, rest);
      case "del", "delete" -> {
        exactly(verb, rest, 2);
        NetDevice nic = Lookup.nic(Lookup.host(world, rest.get(0)), rest.get(1));
        nic.netns().deleteDevice(nic);
      }
      case "plug" -> {
        exactly(verb, rest, 3);
        NetDevice nic = Lookup.nic(Lookup.host(world, rest.get(0)), rest.get(1));
        plug(nic, Lookup.underlaySwitch(world, rest.get(2)));
      }
      case "unplug" -> {
        exactly(verb, rest, 2);
        NetDevice nic = Lookup.nic(Lookup.host(world, rest.get(0)), rest.get(1));
        UnderlaySwitch plugged = cable(nic);
        if (plugged == null) {
          throw Lookup.failure(where(nic) + " is not plugged in");
        }
        plugged.unplug(nic);
      }
      default -> throw PwUsage.wrong("nic: unknown verb \"" + verb + "\"", USAGE);
    }
    return 0;
  }

  private static void exactly(String verb, List<String> rest, int count) {
    if (rest.size() != count) {
      throw PwUsage.wrong("nic " + verb + " takes " + count + " arguments", USAGE);
    }
  }

  private static void add(World world, List<String> args) {
    if (args.size() < 2) {
      throw PwUsage.wrong("nic add needs a host and a device name", USAGE);
    }
    Host host = Lookup.host(world, args.get(0));
    String name = args.get(1);
    UnderlaySwitch target = null;
    MacAddress mac = null;
    for (int i = 2; i < args.size(); i += 2) {
      String key = args.get(i);
      if (i + 1 >= args.size()) {
        throw PwUsage.wrong("nic add: \"" + key + "\" needs a value", USAGE);
      }
      String value = args.get(i + 1);
      switch (key) {
        case "switch" -> target = Lookup.underlaySwitch(world, value);
        case "address" -> mac = mac(value);
        default -> throw PwUsage.wrong("nic add: unknown option \"" + key + "\"", USAGE);
      }
    }
    checkName(name);
    if (host.root().device(name).isPresent()) {
      throw Lookup.failure("host \"" + host.name() + "\" already has a device \"" + name + "\"");
    }
    NetDevice nic = host.root().addPhysical(name, mac == null ? world.randomMac() : mac);
    if (target != null) {
      target.plug(nic);
    }
  }

  private static void checkName(String name) {
    if (!IfName.fits(name)) {
      throw Lookup.failure(
          "NIC name \""
              + name
              + "\" is too long: a device name holds at most "
              + (IfName.IFNAMSIZ - 1)
              + " bytes");
    }
    if (!IfName.validInKernel(name)) {
      throw Lookup.failure(
          "\"" + name + "\" is not a valid device name (no \"/\", \":\" or blanks)");
    }
  }

  private static MacAddress mac(String text) {
    MacAddress mac =
        MacAddress.tryParse(text)
            .orElseThrow(() ->
                Lookup.failure(
                    "\"" + text + "\" is not a MAC address (six hex bytes: 02:00:00:00:00:01)"));
    if (mac.isMulticast() || mac.isZero()) {
      throw Lookup.failure(
          "a NIC needs a unicast MAC address, not " + mac + " (multicast or all zeros)");
    }
    return mac;
  }

  private static void plug(NetDevice nic, UnderlaySwitch target) {
    UnderlaySwitch plugged = cable(nic);
    if (plugged != null) {
      throw Lookup.failure(
          where(nic)
              + " is already plugged into switch \""
              + plugged.name()
              + "\"; pw nic unplug it first");
    }
    target.plug(nic);
  }

  private static UnderlaySwitch cable(NetDevice nic) {
    return ((DeviceKind.Physical) nic.kind()).cable().plugged();
  }

  private static String where(NetDevice nic) {
    return "NIC \"" + nic.name() + "\" of host \"" + nic.netns().host().name() + "\"";
  }
}
