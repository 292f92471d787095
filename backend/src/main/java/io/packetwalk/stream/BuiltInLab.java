package io.packetwalk.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A lab shipped with the server: a command script on the classpath whose first line, a comment, is
 * the lab's name ({@code # Two namespaces and a veth pair}).
 */
record BuiltInLab(String name, String script) {

  /** The lab every new connection starts with. */
  static final String DEFAULT_RESOURCE = "labs/two-namespaces.sh";

  /** Reads {@code resource} from the classpath; fails when it is missing or has no name line. */
  static BuiltInLab load(String resource) {
    String script;
    try (InputStream in = BuiltInLab.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The built-in lab " + resource + " is not on the classpath");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in lab " + resource, e);
    }
    String first = script.lines().findFirst().orElse("");
    if (!first.startsWith("# ") || first.substring(2).isBlank()) {
      throw new IllegalStateException(
          "The built-in lab " + resource + " must start with a comment line naming it");
    }
    return new BuiltInLab(first.substring(2).strip(), script);
  }
}
