package io.packetwalk.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour listings ({@code ip neigh show}, {@code arp -n}) follow the kernel's neighbour hash
 * table, whose hash is seeded randomly per table, so their line order is random. Lines are sorted
 * (arp's header stays first).
 */
final class NeighbourOrder implements Normalisation {

  @Override
  public String apply(CommandLine command, String text) {
    if (!command.listsNeighbours() || text.isEmpty()) {
      return text;
    }
    List<String> lines = new ArrayList<>(text.lines().toList());
    String header = null;
    if (!lines.isEmpty() && lines.get(0).startsWith("Address ")) {
      header = lines.remove(0);
    }
    lines.sort(null);
    if (header != null) {
      lines.add(0, header);
    }
    return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
  }
}
