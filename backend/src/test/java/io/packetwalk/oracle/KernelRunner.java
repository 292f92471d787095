package io.packetwalk.oracle;

import io.packetwalk.shell.CommandOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a scenario against the real kernel through {@code oracle/kernel-run.sh} (whole script in a
 * private mount+net+pid namespace with its own {@code /run/netns}) and reads back one {@link
 * CommandOutcome} per command line from the files the script writes.
 */
final class KernelRunner {

  private final Path kernelRun;

  KernelRunner(Path kernelRun) {
    this.kernelRun = kernelRun;
  }

  /**
   * Why the kernel side cannot run on this machine, or empty when it can: needs Linux, root, bash,
   * {@code unshare} and {@code ip}, and a working {@code ip netns add} inside the isolation.
   */
  /** The tools the scenarios call, with the Debian package of each (what .ci/run installs). */
  private static final Map<String, String> SCENARIO_TOOLS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("arp", "net-tools"),
              Map.entry("bridge", "iproute2"),
              Map.entry("brctl", "bridge-utils"),
              Map.entry("conntrack", "conntrack"),
              Map.entry("iptables", "iptables"),
              Map.entry("nc", "netcat-openbsd"),
              Map.entry("nft", "nftables"),
              Map.entry("ping", "iputils-ping"),
              Map.entry("route", "net-tools"),
              Map.entry("sysctl", "procps"),
              Map.entry("tcpdump", "tcpdump")));

  /**
   * The scenario tools this machine lacks, each with its package. Unlike a missing {@code ip} or
   * root, this is not a reason to skip: the oracle would compare the simulator with "command not
   * found".
   */
  List<String> missingScenarioTools() {
    return SCENARIO_TOOLS.entrySet().stream()
        .filter(tool -> !onPath(tool.getKey()))
        .map(tool -> tool.getKey() + " (Debian package " + tool.getValue() + ")")
        .toList();
  }

  Optional<String> unavailableReason(Path scratch) {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return Optional.of("not Linux (" + System.getProperty("os.name") + ")");
    }
    if (!isRoot()) {
      return Optional.of("not running as root (real network namespaces need CAP_SYS_ADMIN)");
    }
    for (String tool : List.of("bash", "unshare", "ip", "timeout", "setsid")) {
      if (!onPath(tool)) {
        return Optional.of(tool + " is not installed");
      }
    }
    try {
      Path probe = Files.createTempFile(scratch, "probe", ".sh");
      Files.writeString(probe, "ip netns add probe\nip netns list\n");
      Path out = scratch.resolve("probe-out");
      ProcessOutcome run = exec(probe, out);
      if (run.exit() != 0) {
        return Optional.of("kernel-run.sh cannot isolate a script: " + run.stderr().strip());
      }
      List<CommandOutcome> outcomes = read(out);
      if (outcomes.isEmpty() || outcomes.get(0).exit() != 0) {
        return Optional.of(
            "`ip netns add` fails here: "
                + (outcomes.isEmpty() ? "no output" : outcomes.get(0).stderr().strip()));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot run kernel-run.sh: " + e.getMessage());
    }
  }

  /** Runs {@code scenario} and returns the outcome of each command line, by line number. */
  List<CommandOutcome> run(Scenario scenario, Path outDir) {
    ProcessOutcome run = exec(scenario.path(), outDir);
    if (run.exit() != 0) {
      throw new IllegalStateException(
          "kernel-run.sh " + scenario.name() + " exited " + run.exit() + ": " + run.stderr());
    }
    return read(outDir);
  }

  /** Reads the {@code N.cmd/N.out/N.err/N.rc} files of a kernel-run.sh output directory. */
  static List<CommandOutcome> read(Path outDir) {
    try (Stream<Path> files = Files.list(outDir)) {
      List<Integer> lines =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".cmd"))
              .map(n -> Integer.parseInt(n.substring(0, n.length() - 4)))
              .sorted(Comparator.naturalOrder())
              .toList();
      List<CommandOutcome> outcomes = new ArrayList<>();
      for (int n : lines) {
        String cmd = readString(outDir.resolve(n + ".cmd")).strip();
        int exit = Integer.parseInt(readString(outDir.resolve(n + ".rc")).strip());
        outcomes.add(
            new CommandOutcome(
                n,
                cmd,
                exit,
                readString(outDir.resolve(n + ".out")),
                readString(outDir.resolve(n + ".err"))));
      }
      return outcomes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record ProcessOutcome(int exit, String stderr) {}

  private ProcessOutcome exec(Path script, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path log = Files.createTempFile(outDir.getParent(), "kernel-run", ".log");
      Process process =
          new ProcessBuilder("bash", kernelRun.toString(), script.toString(), outDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new ProcessOutcome(124, "kernel-run.sh did not finish within 120 s");
      }
      String stderr = readString(log);
      Files.deleteIfExists(log);
      return new ProcessOutcome(process.exitValue(), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running kernel-run.sh", e);
    }
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // effective uid
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
