package io.packetwalk.shell.ip;

import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ip netns}: add, delete, list (newest first, as readdir() returns them from /run/netns,
 * with "(id: N)" once the listing namespace has an id for that one), identify and exec.
 */
final class IpNetns {

  private final IpContext ctx;

  IpNetns(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return list();
    }
    String verb = args.take();
    if (args.hasNext() && invalidName(args.peek())) {
      throw new ToolFailure(255, "Invalid netns name \"" + args.peek() + "\"");
    }
    if (IprouteArgs.matches(verb, "list")
        || IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")) {
      return list();
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.of(IpUsage.NETNS);
    }
    if (IprouteArgs.matches(verb, "add")) {
      return add(args);
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return delete(args);
    }
    if (IprouteArgs.matches(verb, "identify")) {
      return identify(args);
    }
    if (IprouteArgs.matches(verb, "exec")) {
      return exec(args);
    }
    if (IprouteArgs.matches(verb, "list-id")
        || IprouteArgs.matches(verb, "set")
        || IprouteArgs.matches(verb, "pids")
        || IprouteArgs.matches(verb, "monitor")
        || IprouteArgs.matches(verb, "attach")) {
      throw IpLink.unsimulated("ip netns " + verb);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip netns help\".");
  }

  private static boolean invalidName(String name) {
    return name.isEmpty()
        || name.length() > 255
        || name.contains("/")
        || name.equals(".")
        || name.equals("..");
  }

  private int list() {
    IpPrinter p = ctx.printer();
    List<NetNamespace> named = new ArrayList<>(ctx.netns().host().namedNamespaces());
    java.util.Collections.reverse(named);
    for (NetNamespace ns : named) {
      p.openObject(null);
      p.string(Mode.ANY, "name", "%s", ns.name());
      Optional<Integer> id = ctx.netns().existingPeerId(ns);
      id.ifPresent(n -> p.number(Mode.ANY, "id", " (id: %d)", n));
      p.text("\n");
      p.closeObject();
    }
    ctx.print(p.finish());
    return 0;
  }

  private int add(IprouteArgs args) {
    if (!args.hasNext()) {
      throw new ToolFailure(1, "No netns name specified");
    }
    String name = args.take();
    try {
      ctx.netns().host().addNetns(name);
    } catch (KernelException e) {
      throw new ToolFailure(
          1, "Cannot create namespace file \"/run/netns/" + name + "\": File exists");
    }
    return 0;
  }

  private int delete(IprouteArgs args) {
    if (!args.hasNext()) {
      throw new ToolFailure(1, "No netns name specified");
    }
    String name = args.take();
    try {
      ctx.netns().host().deleteNetns(name);
    } catch (KernelException e) {
      throw new ToolFailure(
          1, "Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory");
    }
    return 0;
  }

  private int identify(IprouteArgs args) {
    NetNamespace target = ctx.netns();
    if (args.hasNext()) {
      String pid = args.take();
      if (!pid.equals("1")) {
        throw new ToolFailure(
            1, "Cannot open pid " + pid + " network namespace: No such file or directory");
      }
      target = ctx.netns().host().root();
    }
    if (!target.isRoot()) {
      ctx.tool().println(target.name());
    }
    return 0;
  }

  private int exec(IprouteArgs args) {
    if (!args.hasNext()) {
      throw new ToolFailure(1, "No netns name specified");
    }
    String name = args.take();
    if (!args.hasNext()) {
      throw new ToolFailure(1, "No command specified");
    }
    NetNamespace target =
        ctx.namedNetns(name)
            .orElseThrow(() ->
                new ToolFailure(
                    255,
                    "Cannot open network namespace \"" + name + "\": No such file or directory"));
    return ctx.tool().exec(target, args.rest());
  }
}
