package io.packetwalk.shell.ip;

import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;

/**
 * {@code ip rule}: the three default policy rules every namespace starts with (lookup local, main,
 * default). Packetwalk does not simulate other rules.
 */
final class IpRule {

  private static final int[][] RULES = {{0, 255}, {32766, 254}, {32767, 253}};

  private final IpContext ctx;

  IpRule(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (args.hasNext()) {
      String verb = args.take();
      if (IprouteArgs.matches(verb, "help")) {
        throw IpUsage.of(IpUsage.RULE);
      }
      if (!(IprouteArgs.matches(verb, "list")
          || IprouteArgs.matches(verb, "show")
          || IprouteArgs.matches(verb, "lst"))) {
        if (IprouteArgs.matches(verb, "add")
            || IprouteArgs.matches(verb, "delete")
            || IprouteArgs.matches(verb, "flush")
            || IprouteArgs.matches(verb, "save")
            || IprouteArgs.matches(verb, "restore")) {
          throw IpLink.unsimulated("ip rule " + verb);
        }
        throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip rule help\".");
      }
      if (args.hasNext()) {
        throw IpLink.unsimulated("ip rule filters");
      }
    }
    if (ctx.options().family() == IpOptions.Family.INET6) {
      ctx.print(ctx.printer().finish());
      return 0;
    }
    IpPrinter p = ctx.printer();
    for (int[] rule : RULES) {
      p.openObject(null);
      p.number(Mode.ANY, "priority", "%d:\t", rule[0]);
      p.string(Mode.ANY, "src", "from %s ", "all");
      p.string(Mode.ANY, "table", "lookup %s", RouteWords.tableName(rule[1]));
      p.text("\n");
      p.closeObject();
    }
    ctx.print(p.finish());
    return 0;
  }
}
