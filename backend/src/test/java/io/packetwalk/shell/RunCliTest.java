package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return RunCli.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path script(String text) throws IOException {
    return Files.writeString(dir.resolve("lab.sh"), text);
  }

  @Test
  void jsonPrintsOneEscapedObjectPerCommand() throws IOException {
    Path file = script("# a comment\nsleep 1\n\nnosuchtool \"x\"\n");
    assertThat(run("run", "--json", file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"line\":2,\"cmd\":\"sleep 1\",\"exit\":0,\"stdout\":\"\",\"stderr\":\"\"}\n"
                + "{\"line\":4,\"cmd\":\"nosuchtool \\\"x\\\"\",\"exit\":127,\"stdout\":\"\","
                + "\"stderr\":\"bash: line 1: nosuchtool: command not found\\n\"}\n");
  }

  @Test
  void plainModeSendsStandardErrorToErr() throws IOException {
    Path file = script("nosuchtool\n");
    assertThat(run(file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("bash: line 1: nosuchtool: command not found\n");
  }

  @Test
  void syntaxErrorNamesFileLineAndColumnAndRunsNothing() throws IOException {
    Path file = script("sleep 1\nip link ; wc -l\n");
    assertThat(run("--json", file.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "packetwalk: "
                + file
                + ":2:9: command lists (\";\") are not supported; write one command per line\n");
  }

  @Test
  void unreadableScriptIsReported() {
    assertThat(run(dir.resolve("missing.sh").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "packetwalk: cannot read "
                + dir.resolve("missing.sh")
                + ": No such file or directory\n");
  }

  @Test
  void usageErrorWithoutScript() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("usage: packetwalk run [--json] SCRIPT\n");
  }
}
