package io.packetwalk.share;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a throwaway PostgreSQL server (a {@link PostgresCluster}), started before its
 * tests and stopped and deleted after them, pass or fail; the class is skipped, with the reason
 * printed, where no server can run.
 */
final class PostgresExtension implements BeforeAllCallback {

  private PostgresCluster cluster;
  private String url;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    var unavailable = PostgresCluster.unavailableReason();
    if (unavailable.isPresent()) {
      System.out.println(
          context.getDisplayName() + " skipped: no PostgreSQL server: " + unavailable.get());
    }
    Assumptions.assumeTrue(
        unavailable.isEmpty(), () -> "no PostgreSQL server: " + unavailable.orElse(""));
    cluster = PostgresCluster.start();
    context.getStore(ExtensionContext.Namespace.GLOBAL).put(this, cluster);
    url = cluster.createDatabase("packetwalk");
  }

  /** The JDBC URL of this class's empty database. */
  String url() {
    return url;
  }

  String user() {
    return cluster.user();
  }

  String serverVersion() throws java.sql.SQLException {
    return cluster.version();
  }
}
