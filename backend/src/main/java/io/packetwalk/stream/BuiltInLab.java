package io.packetwalk.stream;

import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabValueException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab shipped with the server: the command script {@code labs/ID.sh} on the classpath. Its first
 * line, a comment, is the lab's name ({@code # Two namespaces and a veth pair}); the comment lines
 * right after it are its description, and comments {@code # probe HOST/NETNS ping ADDRESS} or
 * {@code # probe HOST/NETNS run LINE} ({@code HOST/} for the root namespace) are the probes the lab
 * opens with (bash skips them all).
 */
record BuiltInLab(
    String id, String name, String description, String script, List<LabProbe> probes) {

  private static final String PROBE = "# probe ";

  private static final Pattern PROBE_LINE =
      Pattern.compile("# probe ([^/\\s]+)/(\\S*) (?:ping (\\S+)|run (.+))");

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
      if (!line.startsWith(PROBE)) {
        description.append(description.isEmpty() ? "" : " ").append(line.substring(1).strip());
      }
    }
    List<LabProbe> probes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(PROBE)) {
        probes.add(probe(resource, i + 1, lines.get(i)));
      }
    }
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    String id = file.endsWith(".sh") ? file.substring(0, file.length() - 3) : file;
    return new BuiltInLab(id, first.substring(2).strip(), description.toString(), script, probes);
  }

  private static LabProbe probe(String resource, int number, String line) {
    Matcher m = PROBE_LINE.matcher(line);
    if (!m.matches()) {
      throw new IllegalStateException(
          "The built-in lab "
              + resource
              + " line "
              + number
              + ": a probe is \"# probe HOST/NETNS ping ADDRESS\" or \"# probe HOST/NETNS run"
              + " LINE\"");
    }
    try {
      return LabProbe.checked(m.group(1), m.group(2), m.group(3), m.group(4));
    } catch (LabValueException e) {
      throw new IllegalStateException(
          "The built-in lab " + resource + " line " + number + ": " + e.getMessage(), e);
    }
  }
}
