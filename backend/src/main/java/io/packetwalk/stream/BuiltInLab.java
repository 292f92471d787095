package io.packetwalk.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A lab shipped with the server: the command script {@code labs/ID.sh} on the classpath. Its first
 * line, a comment, is the lab's name ({@code # Two namespaces and a veth pair}); the comment lines
 * right after it are its description.
 */
record BuiltInLab(String id, String name, String description, String script) {

  /** The lab every new connection starts with unless it asks for another. */
  static final String DEFAULT_ID = "two-namespaces";

  /** The classpath resource of the default lab. */
  static final String DEFAULT_RESOURCE = resource(DEFAULT_ID);

  static String resource(String id) {
    return "labs/" + id + ".sh";
  }

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
    List<String> lines = script.lines().toList();
    String first = lines.isEmpty() ? "" : lines.getFirst();
    if (!first.startsWith("# ") || first.substring(2).isBlank()) {
      throw new IllegalStateException(
          "The built-in lab " + resource + " must start with a comment line naming it");
    }
    StringBuilder description = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.startsWith("#")) {
        break;
      }
      description.append(description.isEmpty() ? "" : " ").append(line.substring(1).strip());
    }
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    String id = file.endsWith(".sh") ? file.substring(0, file.length() - 3) : file;
    return new BuiltInLab(id, first.substring(2).strip(), description.toString(), script);
  }
}
