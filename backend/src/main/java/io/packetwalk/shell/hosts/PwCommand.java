package io.packetwalk.shell.hosts;

import io.packetwalk.kernel.Host;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import java.util.List;

/**
 * {@code pw}: Packetwalk's own command for what no Linux tool does — making hosts, underlay
 * switches and physical NICs, running a command on another host ({@code pw on}) and choosing the
 * session's current host ({@code pw use}). Its errors start with {@code pw:}.
 */
public final class PwCommand implements Tool {

  private static final String ON_USAGE = "pw on HOST COMMAND [ARG]...";
  private static final String USE_USAGE = "pw use HOST";

  @Override
  public int run(ToolContext context, List<String> argv) {
    if (argv.size() < 2) {
      context.errln(PwUsage.TEXT.stripTrailing());
      return PwUsage.USAGE_STATUS;
    }
    List<String> rest = argv.subList(2, argv.size());
    return switch (argv.get(1)) {
      case "help", "-h", "--help" -> {
        context.print(PwUsage.TEXT);
        yield 0;
      }
      case "host" -> HostVerbs.run(context, rest);
      case "hosts" -> HostVerbs.run(context, List.of("list"));
      case "switch" -> SwitchVerbs.run(context, rest);
      case "switches" -> SwitchVerbs.list(context);
      case "nic" -> NicVerbs.run(context, rest);
      case "on" -> on(context, rest);
      case "use" -> use(context, rest);
      default ->
          throw PwUsage.wrong(
              "unknown command \"" + argv.get(1) + "\"; pw help lists them",
              "pw host|hosts|switch|switches|nic|on|use|help ...");
    };
  }

  private static int on(ToolContext context, List<String> args) {
    if (args.size() < 2) {
      throw PwUsage.wrong("on needs a host and a command", ON_USAGE);
    }
    Host host = Lookup.host(context.world(), args.get(0));
    return context.exec(host.root(), args.subList(1, args.size()));
  }

  private static int use(ToolContext context, List<String> args) {
    if (args.size() != 1) {
      throw PwUsage.wrong("use takes one host name", USE_USAGE);
    }
    context.use(Lookup.host(context.world(), args.get(0)));
    return 0;
  }
}
