package io.packetwalk.shell.ip;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.ToolFailure;
import java.util.Optional;

/**
 * {@code ip link}: add (each kind in {@link LinkTypes}), set, delete and show. A set request is
 * applied in the kernel's do_setlink() order — namespace, address, MTU, name, master, up/down —
 * and, like one netlink message, keeps the changes made before a step that fails.
 */
final class IpLink {

  private final IpContext ctx;

  IpLink(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return new LinkListing(ctx, true).run(args);
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return add(args);
    }
    if (IprouteArgs.matches(verb, "set") || IprouteArgs.matches(verb, "change")) {
      return set(args);
    }
    if (IprouteArgs.matches(verb, "replace")) {
      throw unsimulated("ip link replace");
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return delete(args);
    }
    if (IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")
        || IprouteArgs.matches(verb, "list")) {
      return new LinkListing(ctx, true).run(args);
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.link();
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip link help\".");
  }

  private boolean exists(String name) {
    return ctx.device(name).isPresent();
  }

  static ToolFailure unsimulated(String what) {
    return new ToolFailure(2, "Packetwalk: " + what + " is not simulated");
  }

  // ---- add ----

  private int add(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.nameAndDevDiffer()) {
      throw new ToolFailure(255, "both \"name\" and \"dev\" cannot be used when creating devices.");
    }
    if (request.type == null) {
      throw new ToolFailure(1, "Not enough information: \"type\" argument is required");
    }
    String type = request.type;
    if (LinkTypes.unsimulated(type)) {
      throw unsimulated("device type \"" + type + "\"");
    }
    Optional<LinkType> linkType = LinkTypes.creatable(type);
    if (linkType.isEmpty()) {
      if (!request.typeArgs.isEmpty()) {
        throw LinkCreation.garbage(request.typeArgs.get(0));
      }
      throw new ToolFailure(2, "Error: Unknown device type.");
    }
    if (request.link != null && !exists(request.link)) {
      throw IprouteArgs.nodev(request.link);
    }
    return linkType.get().add(new LinkCreation(ctx), request);
  }

  // ---- set ----

  private int set(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.dev == null) {
      throw new ToolFailure(255, "Not enough information: \"dev\" argument is required.");
    }
    Optional<NetDevice> found = ctx.device(request.dev);
    if (found.isPresent() && request.address != null) {
      request.mac();
    }
    NetDevice dev = found.orElseThrow(() -> IprouteArgs.nodev(request.dev));
    if (request.unsimulated != null) {
      throw unsimulated("\"" + request.unsimulated + "\"");
    }
    if (request.link != null) {
      throw unsimulated("changing \"link\"");
    }
    NetNamespace target =
        request.netns == null ? null : new LinkCreation(ctx).resolveNetns(request.netns);
    NetDevice master =
        request.master == null || request.master.isEmpty()
            ? null
            : ctx.device(request.master).orElseThrow();
    Runnable typeChange = typeChange(dev, request);
    String newName =
        request.name != null && !request.name.equals(request.dev) ? request.name : null;
    try {
      typeChange.run();
      if (target != null && target != dev.netns()) {
        dev.netns().moveDevice(dev, target, newName);
        newName = null;
      }
      request.mac().ifPresent(mac -> dev.netns().setMac(dev, mac));
      if (request.mtu != null) {
        dev.netns().setMtu(dev, request.mtu);
      }
      if (newName != null) {
        dev.netns().rename(dev, newName);
      }
      if (request.master != null) {
        changeMaster(dev, master);
      }
      if (request.up != null) {
        dev.netns().setUp(dev, request.up);
      }
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }

  /** do_set_master(): leave the old master, then join the new one (0 = none). */
  private static void changeMaster(NetDevice dev, NetDevice master) {
    if (dev.master() == master) {
      return;
    }
    if (dev.master() != null) {
      dev.netns().releaseFromBridge(dev);
    }
    if (master == null) {
      return;
    }
    if (!master.isBridge()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    dev.netns().enslave(dev, master);
  }

  /**
   * {@code type KIND …} on a device (its kind's changelink), {@code type bridge_slave …} on a port.
   */
  private Runnable typeChange(NetDevice dev, LinkRequest request) {
    if (request.type == null) {
      return () -> {};
    }
    if (request.type.equals("bridge_slave")) {
      return BridgeLink.slaveChange(dev, request.typeArgs);
    }
    return LinkTypes.creatable(request.type)
        .map(type -> type.change(new LinkCreation(ctx), dev, request.typeArgs))
        .orElseThrow(() -> unsimulated("type \"" + request.type + "\" settings"));
  }

  // ---- delete ----

  private int delete(IprouteArgs args) {
    LinkRequest request = LinkRequest.parse(args, true, this::exists);
    if (request.dev == null) {
      throw new ToolFailure(255, "Not enough information: \"dev\" argument is required.");
    }
    NetDevice dev = ctx.device(request.dev).orElseThrow(() -> IprouteArgs.nodev(request.dev));
    try {
      dev.netns().deleteDevice(dev);
    } catch (KernelException e) {
      throw IprouteArgs.rtnetlink(e);
    }
    return 0;
  }
}
