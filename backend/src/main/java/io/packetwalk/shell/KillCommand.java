package io.packetwalk.shell;

import java.util.List;

/**
 * bash's {@code kill [-SIGNAL] PID …} for the agents the shell started in the background
 * (flanneld): the process exits whatever the signal, and the kernel closes what it had open.
 */
final class KillCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    List<String> operands = argv.subList(1, argv.size());
    if (!operands.isEmpty() && operands.get(0).startsWith("-") && operands.get(0).length() > 1) {
      operands = operands.subList(operands.get(0).equals("-s") ? 2 : 1, operands.size());
    }
    if (operands.isEmpty()) {
      throw new ToolFailure(
          2, "bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ...");
    }
    int status = 0;
    for (String operand : operands) {
      if (!operand.matches("[0-9]{1,9}")) {
        context.errln(
            "bash: kill: "
                + operand
                + ": arguments must be process or job IDs"
                + (operand.startsWith("%")
                    ? " (Packetwalk keeps no job numbers: use the PID)"
                    : ""));
        status = 1;
      } else if (!context.traffic().simulator().kill(Integer.parseInt(operand))) {
        context.errln("bash: kill: (" + operand + ") - No such process");
        status = 1;
      }
    }
    return status;
  }
}
