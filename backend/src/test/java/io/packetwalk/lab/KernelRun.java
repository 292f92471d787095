package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exported script under bash as root in a private network, mount and pid namespace, then
 * probe commands, and returns what each probe printed. The machine's own namespaces are never
 * touched; everything the script made dies with the private namespaces, also when it fails.
 */
final class KernelRun {

  private static final String SEPARATOR = "@@@ probe";

  private KernelRun() {}

  /** What each probe printed on standard output after running the script. */
  static List<String> run(String script, List<String> probes, Path dir)
      throws IOException, InterruptedException {
    Path lab = dir.resolve("lab.sh");
    Files.writeString(lab, script, StandardCharsets.UTF_8);
    StringBuilder probe = new StringBuilder("sleep 1\n");
    for (String command : probes) {
      probe.append("echo '").append(SEPARATOR).append("'\n").append(command).append('\n');
    }
    Path probeFile = dir.resolve("probe.sh");
    Files.writeString(probeFile, probe.toString(), StandardCharsets.UTF_8);
    String inner =
        "mount --make-rprivate / && mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns"
            + " && export LC_ALL=C && bash -e -x "
            + lab
            + " >/dev/null && bash "
            + probeFile;
    Process process =
        new ProcessBuilder(
                "timeout",
                "-k",
                "5",
                "60",
                "unshare",
                "--mount",
                "--net",
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc",
                "--propagation",
                "private",
                "bash",
                "-c",
                inner)
            .redirectError(dir.resolve("stderr").toFile())
            .redirectOutput(dir.resolve("stdout").toFile())
            .start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(dir.resolve("stderr"));
    assertThat(process.exitValue())
        .as("the kernel refused the exported script: %s", stderr)
        .isZero();
    String out = Files.readString(dir.resolve("stdout"));
    List<String> parts = new ArrayList<>(Arrays.asList(out.split(SEPARATOR + "\n", -1)));
    parts.remove(0);
    return parts;
  }

  /** Why real namespaces cannot be made here, or empty when they can. */
  static Optional<String> unavailableReason() throws IOException, InterruptedException {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return Optional.of("not Linux");
    }
    for (String tool : List.of("bash", "unshare", "ip", "timeout", "mount")) {
      if (!onPath(tool)) {
        return Optional.of(tool + " is not installed");
      }
    }
    Process id = new ProcessBuilder("id", "-u").start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    id.waitFor();
    if (!uid.equals("0")) {
      return Optional.of("not running as root (uid " + uid + ")");
    }
    Process probe =
        new ProcessBuilder("unshare", "--mount", "--net", "--pid", "--fork", "true")
            .redirectErrorStream(true)
            .start();
    String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!probe.waitFor(20, TimeUnit.SECONDS) || probe.exitValue() != 0) {
      return Optional.of("unshare cannot make private namespaces here: " + said.strip());
    }
    return Optional.empty();
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    return Arrays.stream((path + ":/usr/sbin:/sbin").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }
}
