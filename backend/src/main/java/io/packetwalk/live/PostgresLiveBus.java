package io.packetwalk.live;

import io.packetwalk.stream.LiveBus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live bus between instances on one PostgreSQL: {@code pg_notify} on channel {@value #CHANNEL}
 * publishes, and one connection of its own per instance {@code LISTEN}s, read by one thread through
 * PgJDBC's {@link PGConnection#getNotifications(int)}. PostgreSQL delivers a notification to every
 * listening session, the sender's own included, once its transaction commits. A lost listening
 * connection is opened again; what was published meanwhile is read from the edit log on the next
 * message.
 */
final class PostgresLiveBus implements LiveBus, AutoCloseable {

  static final String CHANNEL = "packetwalk_live";

  private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);

  /** How long one wait for notifications lasts, so that closing is noticed. */
  private static final int WAIT_MS = 500;

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Thread listener;
  private volatile boolean closed;

  PostgresLiveBus(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.listener = Thread.ofPlatform().daemon().name("live-listen").start(this::listen);
  }

  @Override
  public void publish(String message) {
    if (message.length() > MAX_MESSAGE_CHARS) {
      throw new IllegalArgumentException(
          "A live bus message has at most " + MAX_MESSAGE_CHARS + " characters.");
    }
    jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, message);
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    listeners.add(listener);
  }

  private void listen() {
    while (!closed) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] heard = pg.getNotifications(WAIT_MS);
          if (heard == null) {
            continue;
          }
          for (PGNotification notification : heard) {
            for (Consumer<String> consumer : listeners) {
              consumer.accept(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          log.warn("Listening for live lab changes failed ({}); listening again", e.toString());
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    listener.interrupt();
  }
}
