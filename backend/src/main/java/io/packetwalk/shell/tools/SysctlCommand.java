package io.packetwalk.shell.tools;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.Sysctls;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * procps-ng {@code sysctl}: read ({@code KEY}, {@code -n}, {@code -a}, a key prefix lists the keys
 * below it) and write ({@code -w KEY=VALUE}, or {@code KEY=VALUE}) the namespace's {@code net.*}
 * settings; dots or slashes separate the parts of a key. Packetwalk keeps the IPv4, IPv6 conf,
 * neighbour and bridge-netfilter keys that matter to forwarding.
 */
public final class SysctlCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    boolean write = false;
    boolean valuesOnly = false;
    boolean quiet = false;
    boolean all = false;
    boolean ignoreUnknown = false;
    List<String> operands = new ArrayList<>();
    for (String arg : argv.subList(1, argv.size())) {
      if (arg.startsWith("-") && arg.length() > 1 && operands.isEmpty()) {
        for (char c : arg.substring(1).toCharArray()) {
          switch (c) {
            case 'w' -> write = true;
            case 'n' -> valuesOnly = true;
            case 'q' -> quiet = true;
            case 'a', 'A', 'X' -> all = true;
            case 'e' -> ignoreUnknown = true;
            case 'N', 'b', 'r', 'p', 'f', 'o', 'x', 'd', 'h', 'V' ->
                throw new ToolFailure(1, "sysctl: -" + c + " is not simulated by Packetwalk");
            default ->
                throw new ToolFailure(
                    1,
                    "sysctl: invalid option -- '"
                        + c
                        + "'\n\nUsage:\n sysctl [options] [variable[=value] ...]");
          }
        }
      } else {
        operands.add(arg);
      }
    }
    Sysctls sysctls = context.netns().sysctls();
    if (all) {
      for (Map.Entry<String, String> e : sysctls.all().entrySet()) {
        context.println(valuesOnly ? e.getValue() : e.getKey() + " = " + e.getValue());
      }
      return 0;
    }
    if (operands.isEmpty()) {
      throw new ToolFailure(
          1,
          "\nUsage:\n sysctl [options] [variable[=value] ...]\n\nFor more details see"
              + " sysctl(8).");
    }
    int status = 0;
    for (String operand : operands) {
      int eq = operand.indexOf('=');
      if (write || eq >= 0) {
        if (eq < 0) {
          context.errln("sysctl: command line(0): invalid syntax, continuing...");
          status = 1;
          continue;
        }
        status |=
            write(
                context,
                sysctls,
                operand.substring(0, eq),
                operand.substring(eq + 1),
                quiet,
                ignoreUnknown);
      } else {
        status |= read(context, sysctls, operand, valuesOnly, ignoreUnknown);
      }
    }
    return status;
  }

  private static String key(String text) {
    return text.strip().replace('/', '.');
  }

  private static String path(String key) {
    return "/proc/sys/" + key.replace('.', '/');
  }

  private static int read(
      ToolContext context, Sysctls sysctls, String operand, boolean valuesOnly, boolean ignore) {
    String key = key(operand);
    var value = sysctls.get(key);
    if (value.isPresent()) {
      context.println(valuesOnly ? value.get() : key + " = " + value.get());
      return 0;
    }
    List<Map.Entry<String, String>> below =
        sysctls.all().entrySet().stream().filter(e -> e.getKey().startsWith(key + ".")).toList();
    if (!below.isEmpty() && !key.isEmpty()) {
      for (Map.Entry<String, String> e : below) {
        context.println(valuesOnly ? e.getValue() : e.getKey() + " = " + e.getValue());
      }
      return 0;
    }
    if (ignore) {
      return 0;
    }
    context.errln("sysctl: cannot stat " + path(key) + ": No such file or directory");
    return 1;
  }

  private static int write(
      ToolContext context,
      Sysctls sysctls,
      String rawKey,
      String value,
      boolean quiet,
      boolean ignore) {
    String key = key(rawKey);
    if (key.isEmpty()) {
      context.errln("sysctl: command line(0): invalid syntax, continuing...");
      return 1;
    }
    if (sysctls.get(key).isEmpty()) {
      if (ignore) {
        return 0;
      }
      context.errln("sysctl: cannot stat " + path(key) + ": No such file or directory");
      return 1;
    }
    try {
      if (!procInt(value)) {
        throw new KernelException(Errno.EINVAL);
      }
      sysctls.set(key, value);
    } catch (KernelException e) {
      context.errln("sysctl: setting key \"" + key + "\": " + e.errno().message());
      return 1;
    }
    if (!quiet) {
      context.println(key + " = " + value.strip());
    }
    return 0;
  }

  /**
   * proc_dointvec(): every setting the simulator keeps is a C int, so a whole number outside
   * -2^31..2^31-1 (however many digits it has) is refused with EINVAL, as the kernel refuses it.
   */
  private static boolean procInt(String value) {
    String trimmed = value.trim();
    if (!trimmed.matches("-?\\d+")) {
      return true;
    }
    try {
      Integer.parseInt(trimmed);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }
}
