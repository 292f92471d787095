package io.packetwalk.live;

import io.packetwalk.stream.LiveBus;
import io.packetwalk.stream.LiveLog;
import io.packetwalk.stream.LocalLiveBus;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live labs' edit log in the database, and their bus: PostgreSQL's LISTEN/NOTIFY when the
 * database is PostgreSQL (several instances may share it), else this process alone (embedded H2).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfig {

  @Bean
  LiveLog liveLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
    return new JdbcLiveLog(jdbc, transactions);
  }

  @Bean(destroyMethod = "close")
  LiveBus liveBus(DataSource dataSource) throws SQLException {
    if (isPostgres(dataSource)) {
      return new PostgresLiveBus(dataSource);
    }
    return new LocalLiveBus();
  }

  private static boolean isPostgres(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }
  }
}
