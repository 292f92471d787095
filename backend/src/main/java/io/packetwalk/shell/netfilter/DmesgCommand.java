package io.packetwalk.shell.netfilter;

import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import java.util.List;

/** {@code dmesg [-c|-C]}: the host's kernel log, where LOG rules of its root namespace write. */
public final class DmesgCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    boolean read = true;
    boolean clear = false;
    for (String arg : argv.subList(1, argv.size())) {
      switch (arg) {
        case "-c", "--read-clear" -> clear = true;
        case "-C", "--clear" -> {
          clear = true;
          read = false;
        }
        default -> {
          context.errln("dmesg: unrecognized option '" + arg + "'");
          context.errln("Try 'dmesg --help' for more information.");
          return 1;
        }
      }
    }
    if (read) {
      for (String line : context.host().kernelLog().lines()) {
        context.println(line);
      }
    }
    if (clear) {
      context.host().kernelLog().clear();
    }
    return 0;
  }
}
