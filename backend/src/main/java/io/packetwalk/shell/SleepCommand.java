package io.packetwalk.shell;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code sleep N}: lets N seconds of virtual time pass (coreutils syntax: a decimal number with an
 * optional s, m, h or d suffix; several operands add up).
 */
final class SleepCommand implements Tool {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  @Override
  public int run(ToolContext context, List<String> argv) {
    if (argv.size() < 2) {
      throw new ToolFailure(1, "sleep: missing operand\nTry 'sleep --help' for more information.");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (String operand : argv.subList(1, argv.size())) {
      total = total.add(seconds(operand));
    }
    BigDecimal nanos = total.multiply(BigDecimal.valueOf(NANOS_PER_SECOND));
    context
        .traffic()
        .sleep(
            nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                ? Long.MAX_VALUE
                : nanos.longValue());
    return 0;
  }

  private static BigDecimal seconds(String operand) {
    String number = operand;
    long factor = 1;
    if (!operand.isEmpty()) {
      switch (operand.charAt(operand.length() - 1)) {
        case 's' -> number = operand.substring(0, operand.length() - 1);
        case 'm' -> {
          number = operand.substring(0, operand.length() - 1);
          factor = 60;
        }
        case 'h' -> {
          number = operand.substring(0, operand.length() - 1);
          factor = 3600;
        }
        case 'd' -> {
          number = operand.substring(0, operand.length() - 1);
          factor = 86400;
        }
        default -> {}
      }
    }
    if (!number.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
      throw new ToolFailure(
          1,
          "sleep: invalid time interval '"
              + operand
              + "'\nTry 'sleep --help' for more information.");
    }
    return new BigDecimal(number).multiply(BigDecimal.valueOf(factor));
  }
}
