package io.packetwalk.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One scenario script of the corpus under {@code src/test/resources/scenarios}. */
record Scenario(String name, Path path, String text) {

  static Scenario load(Path path) {
    try {
      return new Scenario(
          path.getFileName().toString(), path, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All {@code *.sh} files of a directory, in name order. */
  static List<Scenario> allIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".sh"))
          .sorted()
          .map(Scenario::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
