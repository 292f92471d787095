package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A scenario from the oracle corpus ({@code src/test/resources/scenarios}) run once in a fresh
 * simulated world, with its outcomes by line, checked against what the real tools printed. Ping's
 * clock readings, bridge timers and IPv6's "tentative" flag (DAD still running when the real
 * capture was taken) are masked, and neighbour listings compared as sorted lines (the kernel hashes
 * them).
 */
final class Lab {

  private final Map<Integer, CommandOutcome> outcomes = new TreeMap<>();

  private Lab(List<CommandOutcome> run) {
    run.forEach(o -> outcomes.put(o.line(), o));
  }

  static Lab run(String resource) {
    return new Lab(new ScriptRunner().run(script(resource)));
  }

  static String script(String resource) {
    try (InputStream in = Lab.class.getResourceAsStream("/scenarios/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource scenarios/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CommandOutcome at(int line) {
    CommandOutcome outcome = outcomes.get(line);
    assertThat(outcome).as("an outcome for line %d", line).isNotNull();
    return outcome;
  }

  void expect(int line, int exit, String stdout, String stderr) {
    CommandOutcome actual = at(line);
    String cmd = actual.cmd();
    assertThat(actual.exit()).as("exit status of line %d: %s", line, cmd).isEqualTo(exit);
    assertThat(normalise(cmd, actual.stdout()))
        .as("stdout of line %d: %s", line, cmd)
        .isEqualTo(normalise(cmd, stdout));
    assertThat(normalise(cmd, actual.stderr()))
        .as("stderr of line %d: %s", line, cmd)
        .isEqualTo(normalise(cmd, stderr));
  }

  private static String normalise(String cmd, String text) {
    String t =
        text.replaceAll("(inet6 [^\\n]*?)tentative ", "$1")
            .replaceAll("\\b(\\w+_timer)\\s+[0-9]+\\.[0-9]+", "$1 <t>");
    if (cmd.contains("ping ")) {
      t =
          t.replaceAll("time=[0-9.]+ ms", "time=<t> ms")
              .replaceAll(", time [0-9]+ms", ", time <t>ms")
              .replaceAll("(?m)^rtt min/avg/max/mdev = .*$", "rtt <t>");
    }
    if (cmd.matches(".*\\bip (-\\S+ )*n(e(i(g(h(b(o(u?r)?)?)?)?)?)?)?( s\\S*)?( .*)?")
        || cmd.contains("arp -n")) {
      List<String> lines = new ArrayList<>(t.lines().toList());
      String header =
          !lines.isEmpty() && lines.get(0).startsWith("Address ") ? lines.remove(0) : null;
      lines.sort(null);
      if (header != null) {
        lines.add(0, header);
      }
      t = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }
    return t;
  }
}
