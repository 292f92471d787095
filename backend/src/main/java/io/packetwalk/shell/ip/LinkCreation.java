package io.packetwalk.shell.ip;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.IfName;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every kind's {@code ip link add} shares: where the device goes, the name the kernel picks,
 * the checks rtnl_newlink() makes before creating anything, and what rtnl_configure_link() applies
 * after (address, MTU, master, up).
 */
final class LinkCreation {

  private final IpContext ctx;

  LinkCreation(IpContext ctx) {
    this.ctx = ctx;
  }

  IpContext context() {
    return ctx;
  }

  /** Whether a device of that name (or ifN index) exists where ip runs. */
  boolean exists(String name) {
    return ctx.device(name).isPresent();
  }

  /** The namespace a new device is created in: {@code netns NS}, or where ip runs. */
  NetNamespace targetNetns(LinkRequest request) {
    if (request.netns == null) {
      return ctx.netns();
    }
    return resolveNetns(request.netns);
  }

  NetNamespace resolveNetns(LinkRequest.NetnsRef ref) {
    Optional<NetNamespace> named = ctx.namedNetns(ref.text());
    if (named.isPresent()) {
      return named.get();
    }
    if (ref.pid() == null) {
      throw IprouteArgs.invarg("Invalid \"netns\" value\n", ref.text());
    }
    if (ref.pid() == 1) {
      return ctx.netns().host().root();
    }
    throw IprouteArgs.rtnetlink(new KernelException(Errno.ESRCH));
  }

  static void checkUnsimulated(LinkRequest request) {
    if (request.unsimulated != null) {
      throw IpLink.unsimulated("\"" + request.unsimulated + "\"");
    }
  }

  static ToolFailure garbage(String word) {
    return new ToolFailure(
        1, "Garbage instead of arguments \"" + word + " ...\". Try \"ip link help\".");
  }

  /** TEMPLATE ("veth%d") with the lowest free number in the namespace, as the kernel names. */
  static String freeName(NetNamespace ns, String template, String alsoTaken) {
    for (int i = 0; ; i++) {
      String candidate = template.replace("%d", Integer.toString(i));
      if (ns.device(candidate).isEmpty() && !candidate.equals(alsoTaken)) {
        return candidate;
      }
    }
  }

  /** The requested name, or the kernel's TEMPLATE name; checked against IFLA_IFNAME's policy. */
  static String newName(LinkRequest request, NetNamespace home, String template) {
    String name = request.newName() != null ? request.newName() : freeName(home, template, null);
    checkNameFits(name);
    return name;
  }

  /** The kernel's IFLA_IFNAME policy: at most 15 bytes. */
  static void checkNameFits(String name) {
    if (!IfName.fits(name)) {
      throw new ToolFailure(2, "Error: Attribute failed policy validation.");
    }
  }

  static Optional<MacAddress> createMac(LinkRequest request) {
    if (request.address == null) {
      return Optional.empty();
    }
    if (request.address.length != 6) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EINVAL));
    }
    MacAddress mac = request.mac().orElseThrow();
    if (mac.isMulticast() || mac.isZero()) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EADDRNOTAVAIL));
    }
    return Optional.of(mac);
  }

  static void checkCreateMtu(Integer mtu) {
    if (mtu == null) {
      return;
    }
    if (mtu < 68) {
      throw new ToolFailure(2, "Error: mtu less than device minimum.");
    }
    if (mtu > 65535) {
      throw new ToolFailure(2, "Error: mtu greater than device maximum.");
    }
  }

  /** Runs a kernel call, turning its errno into iproute2's "RTNETLINK answers" failure. */
  static <T> T kernel(Supplier<T> call) {
    try {
      return call.get();
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
  }

  /** What rtnl_create_link and rtnl_configure_link apply to a new device. */
  void configureNew(NetDevice dev, LinkRequest request, Optional<MacAddress> mac) {
    NetNamespace ns = dev.netns();
    mac.ifPresent(m -> ns.setMac(dev, m));
    if (request.mtu != null) {
      ns.setMtu(dev, request.mtu);
    }
    if (request.master != null && !request.master.isEmpty()) {
      ctx.device(request.master).ifPresent(master -> kernel(() -> enslave(dev, master)));
    }
    if (Boolean.TRUE.equals(request.up)) {
      ns.setUp(dev, true);
    }
  }

  private static NetDevice enslave(NetDevice dev, NetDevice master) {
    dev.netns().enslave(dev, master);
    return dev;
  }
}
