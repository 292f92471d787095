package io.packetwalk.shell.hosts;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.ToolFailure;
import java.util.stream.Collectors;

/** Finds a world's hosts, switches and physical NICs by name, failing with a named error. */
final class Lookup {

  private Lookup() {}

  static Host host(World world, String name) {
    return world
        .host(name)
        .orElseThrow(() ->
            failure(
                "no host \""
                    + name
                    + "\"; the hosts are "
                    + world.hosts().stream().map(Host::name).collect(Collectors.joining(", "))));
  }

  static UnderlaySwitch underlaySwitch(World world, String name) {
    return world
        .underlaySwitch(name)
        .orElseThrow(() ->
            failure(
                "no switch \""
                    + name
                    + "\"; "
                    + (world.switches().isEmpty()
                        ? "there are none yet (pw switch add NAME)"
                        : "the switches are "
                            + world.switches().stream()
                                .map(UnderlaySwitch::name)
                                .collect(Collectors.joining(", ")))));
  }

  /** The physical NIC {@code name} of {@code host}, in whichever of its namespaces it is. */
  static NetDevice nic(Host host, String name) {
    for (NetNamespace ns : host.namespaces()) {
      NetDevice dev = ns.device(name).orElse(null);
      if (dev != null && isNic(dev)) {
        return dev;
      }
    }
    NetDevice other = host.root().device(name).orElse(null);
    if (other != null) {
      throw failure(
          "\""
              + name
              + "\" on host \""
              + host.name()
              + "\" is a "
              + other.kind().typeName()
              + " device, not a physical NIC");
    }
    throw failure("host \"" + host.name() + "\" has no NIC \"" + name + "\"");
  }

  static boolean isNic(NetDevice dev) {
    return dev.kind() instanceof DeviceKind.Physical;
  }

  static ToolFailure failure(String message) {
    return new ToolFailure(1, "pw: " + message);
  }
}
