package io.packetwalk.oracle;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A scenario command line as the oracle sees it: the words after any {@code ip netns exec NS}
 * prefix and a trailing {@code &}, and the {@link Tool} they run.
 */
record CommandLine(String text, List<String> argv, Tool tool) {

  /** The programs the oracle knows how to compare. */
  enum Tool {
    IP,
    BRIDGE,
    BRCTL,
    SYSCTL,
    PING,
    NC,
    ROUTE,
    ARP,
    TCPDUMP,
    OTHER;

    /** Whether stdout/stderr are compared; otherwise only the exit status is. */
    boolean comparesOutput() {
      return this != NC && this != TCPDUMP;
    }
  }

  /** `ip` global options that take a value. */
  private static final Set<String> IP_OPTIONS_WITH_VALUE =
      Set.of("-n", "-netns", "-f", "-family", "-rc", "-rcvbuf", "-l", "-loops", "-b", "-batch");

  static CommandLine parse(String text) {
    String t = text.strip();
    if (t.endsWith("&")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    List<String> words = t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    while (words.size() >= 4
        && words.get(0).equals("ip")
        && words.get(1).equals("netns")
        && words.get(2).equals("exec")) {
      words = words.subList(4, words.size());
    }
    return new CommandLine(text, List.copyOf(words), toolOf(words));
  }

  private static Tool toolOf(List<String> words) {
    if (words.isEmpty()) {
      return Tool.OTHER;
    }
    return switch (words.get(0)) {
      case "ip" -> Tool.IP;
      case "bridge" -> Tool.BRIDGE;
      case "brctl" -> Tool.BRCTL;
      case "sysctl" -> Tool.SYSCTL;
      case "ping" -> Tool.PING;
      case "nc", "netcat" -> Tool.NC;
      case "route" -> Tool.ROUTE;
      case "arp" -> Tool.ARP;
      case "tcpdump" -> Tool.TCPDUMP;
      default -> Tool.OTHER;
    };
  }

  /** For `ip` and `bridge`: the object word after the global options ("link", "neigh", …). */
  String object() {
    return wordAfterOptions(1);
  }

  /** For `ip` and `bridge`: the command word after the object ("show", "add", …), or "". */
  String subcommand() {
    return wordAfterOptions(2);
  }

  boolean hasOption(String option) {
    for (String w : argv.subList(Math.min(1, argv.size()), argv.size())) {
      if (!w.startsWith("-")) {
        return false;
      }
      if (w.equals(option)) {
        return true;
      }
    }
    return false;
  }

  private String wordAfterOptions(int nth) {
    int seen = 0;
    for (int i = 1; i < argv.size(); i++) {
      String w = argv.get(i);
      if (seen == 0 && w.startsWith("-")) {
        if (IP_OPTIONS_WITH_VALUE.contains(w)) {
          i++;
        }
        continue;
      }
      seen++;
      if (seen == nth) {
        return w;
      }
    }
    return "";
  }

  /** `ip neigh` listings (show/list/default) and `arp` table listings. */
  boolean listsNeighbours() {
    if (tool == Tool.IP) {
      String object = object();
      String sub = subcommand();
      return !object.isEmpty()
          && ("neighbour".startsWith(object) || "neighbor".startsWith(object))
          && (sub.isEmpty() || "show".startsWith(sub) || "list".startsWith(sub))
          && !hasOption("-j")
          && !hasOption("-json");
    }
    return tool == Tool.ARP
        && argv.stream().noneMatch(w -> w.equals("-d") || w.equals("-s") || w.startsWith("-f"));
  }

  /** `bridge fdb` listings. */
  boolean listsFdb() {
    return tool == Tool.BRIDGE && "fdb".startsWith(object()) && !object().isEmpty();
  }
}
