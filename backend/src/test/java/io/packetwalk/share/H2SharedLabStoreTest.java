package io.packetwalk.share;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lab store on the embedded H2 database in a file, as {@code java -jar} runs it. */
class H2SharedLabStoreTest extends SharedLabStoreContract {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Override
  String databaseProduct() {
    return "H2";
  }
}
