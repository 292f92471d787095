package io.packetwalk.oracle;

import java.util.regex.Pattern;

/**
 * Values that depend on the machine rather than on the script: {@code ip -d link} prints a veth's
 * queue counts, which default to the number of possible CPUs ({@code numtxqueues 2 numrxqueues 2}
 * on a two-CPU box).
 */
final class HostDependentValues implements Normalisation {

  private static final Pattern QUEUES = Pattern.compile("\\b(num(?:tx|rx)queues) [0-9]+");
  private static final Pattern JSON_QUEUES = Pattern.compile("\"(num_?(?:tx|rx)_?queues)\":[0-9]+");

  @Override
  public String apply(CommandLine command, String text) {
    return JSON_QUEUES.matcher(QUEUES.matcher(text).replaceAll("$1 <n>")).replaceAll("\"$1\":0");
  }
}
