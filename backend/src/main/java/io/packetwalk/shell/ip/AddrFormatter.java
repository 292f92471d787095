package io.packetwalk.shell.ip;

import io.packetwalk.kernel.Inet6Address;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.shell.ip.IpPrinter.Mode;

/** iproute2's print_addrinfo for one address: plain, one-line, brief and JSON forms. */
final class AddrFormatter {

  /** The kernel's "forever" lifetime. */
  private static final long INFINITY_LIFE_TIME = 0xffff_ffffL;

  private final IpOptions options;

  AddrFormatter(IpOptions options) {
    this.options = options;
  }

  private void prefix(IpPrinter p, NetDevice dev, String family) {
    if (options.oneline() && !options.brief()) {
      p.text(dev.ifindex() + ": " + dev.name());
    }
    if (!options.brief()) {
      p.string(Mode.ANY, "family", "    %s ", family);
    }
  }

  private void lifetimes(IpPrinter p) {
    p.newline();
    p.text("       valid_lft ");
    p.number(Mode.JSON, "valid_life_time", null, INFINITY_LIFE_TIME);
    p.text("forever");
    p.text(" preferred_lft ");
    p.number(Mode.JSON, "preferred_life_time", null, INFINITY_LIFE_TIME);
    p.text("forever");
    p.text("\n");
  }

  void inet(IpPrinter p, NetDevice dev, InterfaceAddress a) {
    p.openObject(null);
    prefix(p, dev, "inet");
    p.string(Mode.ANY, "local", "%s", a.local().toString());
    p.number(Mode.ANY, "prefixlen", "/%d ", a.prefix().length());
    if (a.metric() != 0) {
      p.number(Mode.ANY, "metric", "metric %d ", a.metric());
    }
    if (!options.brief()) {
      if (a.broadcast() != null) {
        p.text("brd ");
        p.string(Mode.ANY, "broadcast", "%s ", a.broadcast().toString());
      }
      p.string(Mode.ANY, "scope", "scope %s ", a.scope().word());
      if (a.secondary()) {
        p.onOffFlag("secondary");
      }
      p.string(Mode.ANY, "label", "%s", a.label() != null ? a.label() : dev.name());
      lifetimes(p);
    }
    p.closeObject();
  }

  void inet6(IpPrinter p, NetDevice dev, Inet6Address a) {
    p.openObject(null);
    prefix(p, dev, "inet6");
    p.string(Mode.ANY, "local", "%s", a.address());
    p.number(Mode.ANY, "prefixlen", "/%d ", a.prefixLength());
    if (!options.brief()) {
      p.string(Mode.ANY, "scope", "scope %s ", a.scope());
      if (a.stablePrivacy()) {
        p.onOffFlag("stable-privacy");
      }
      lifetimes(p);
    }
    p.closeObject();
  }
}
