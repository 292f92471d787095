package io.packetwalk.share;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lab store on a real PostgreSQL server, started for this class and deleted after it. */
@DirtiesContext
class PostgresSharedLabStoreTest extends SharedLabStoreContract {

  @RegisterExtension static final PostgresExtension postgres = new PostgresExtension();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", postgres::url);
    registry.add("spring.datasource.username", postgres::user);
    registry.add("spring.datasource.password", () -> "");
  }

  @Override
  String databaseProduct() {
    return "PostgreSQL";
  }
}
