package io.packetwalk.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code packetwalk run [--json] SCRIPT}: runs a command script in a fresh simulated world. Plain
 * mode prints each command's output as the real tools would (standard error to {@code err}); {@code
 * --json} prints one object per command line. SCRIPT {@code -} reads standard input.
 */
public final class RunCli {

  private static final String USAGE = "usage: packetwalk run [--json] SCRIPT";

  private RunCli() {}

  /**
   * Runs with the arguments after the program name (a leading {@code run} is accepted). Returns 0
   * when the script ran (whatever its commands returned), 1 when it could not be read or parsed, 2
   * on a usage error.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    if (!rest.isEmpty() && rest.get(0).equals("run")) {
      rest.remove(0);
    }
    boolean json = rest.remove("--json");
    if (rest.size() != 1 || (rest.get(0).startsWith("-") && !rest.get(0).equals("-"))) {
      err.println(USAGE);
      return 2;
    }
    String file = rest.get(0);
    String script;
    try {
      script =
          file.equals("-")
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println("packetwalk: cannot read " + file + ": " + describe(e));
      return 1;
    }
    List<CommandOutcome> outcomes;
    try {
      outcomes = new ScriptRunner().run(script);
    } catch (ScriptSyntaxException e) {
      err.println("packetwalk: " + position(file, e) + ": " + e.reason());
      return 1;
    }
    for (CommandOutcome outcome : outcomes) {
      if (json) {
        out.println(Json.outcome(outcome));
      } else {
        out.print(outcome.stdout());
        out.flush();
        err.print(outcome.stderr());
        err.flush();
      }
    }
    out.flush();
    return 0;
  }

  private static String position(String file, ScriptSyntaxException e) {
    if (e.line() == 0) {
      return file;
    }
    return file + ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "");
  }

  private static String describe(Exception e) {
    return switch (e) {
      case java.nio.file.NoSuchFileException n -> "No such file or directory";
      case java.nio.file.AccessDeniedException a -> "Permission denied";
      case java.nio.charset.CharacterCodingException c -> "not valid UTF-8 text";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
