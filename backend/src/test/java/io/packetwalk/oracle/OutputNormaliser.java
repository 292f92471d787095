package io.packetwalk.oracle;

import java.util.List;

/**
 * Everything the oracle rewrites before comparing, in order. Built per scenario because which MACs
 * are "random" depends on which ones the script set.
 */
final class OutputNormaliser {

  private final List<Normalisation> steps;

  private OutputNormaliser(List<Normalisation> steps) {
    this.steps = steps;
  }

  static OutputNormaliser forScript(String script) {
    return new OutputNormaliser(
        List.of(
            new PingTimings(),
            new Ipv6Dad(),
            new KernelTimers(),
            new HostDependentValues(),
            new MulticastFdbEntries(),
            new RandomMacs(script),
            new NeighbourOrder(),
            new NetfilterVolatile()));
  }

  String normalise(CommandLine command, String text) {
    String t = text;
    for (Normalisation step : steps) {
      t = step.apply(command, t);
    }
    return t;
  }
}
