package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.ToolContext;
import java.util.Optional;

/** What every {@code ip} object needs: the namespace it acts in, the options, the output. */
record IpContext(ToolContext tool, NetNamespace netns, IpOptions options) {

  IpPrinter printer() {
    return new IpPrinter(options);
  }

  /** ll_name_to_index(): a device by name, or by "ifN" (its index) when no device has that name. */
  Optional<NetDevice> device(String name) {
    Optional<NetDevice> byName = netns.device(name);
    if (byName.isPresent() || !name.matches("if[0-9]{1,9}")) {
      return byName;
    }
    return netns.device(Integer.parseInt(name.substring(2)));
  }

  /** A named network namespace of this host (under /run/netns). */
  Optional<NetNamespace> namedNetns(String name) {
    if (name.isEmpty() || name.contains("/")) {
      return Optional.empty();
    }
    return netns.host().netns(name);
  }

  void print(String text) {
    tool.print(text);
  }
}
