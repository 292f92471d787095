package io.packetwalk.live;

import io.packetwalk.stream.LiveLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live edit log in the {@code live_lab_event} table, on H2 or PostgreSQL. An append locks the
 * lab's {@code shared_lab} row first, so one lab's entries commit in the order of their numbers
 * even when several instances append at once: a reader that has seen entry N+1 has seen N.
 */
final class JdbcLiveLog implements LiveLog {

  private static final String COLUMNS = "seq, lab_id, base_version, origin, body, created_at";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  JdbcLiveLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public long append(String labId, int base, String origin, String body) {
    Long seq =
        transactions.execute(status -> {
          jdbc.queryForList("SELECT id FROM shared_lab WHERE id = ? FOR UPDATE", labId);
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          jdbc.update(
              connection -> {
                PreparedStatement insert =
                    connection.prepareStatement(
                        "INSERT INTO live_lab_event"
                            + " (lab_id, base_version, origin, body, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                        new String[] {"seq"});
                insert.setString(1, labId);
                insert.setInt(2, base);
                insert.setString(3, origin);
                insert.setString(4, body);
                insert.setTimestamp(
                    5, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
                return insert;
              },
              key);
          return Objects.requireNonNull(key.getKey()).longValue();
        });
    return Objects.requireNonNull(seq);
  }

  @Override
  public List<Entry> after(String labId, long seq) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM live_lab_event WHERE lab_id = ? AND seq > ? ORDER BY seq",
        JdbcLiveLog::entry,
        labId,
        seq);
  }

  @Override
  public Optional<Entry> newest(String labId) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM live_lab_event WHERE lab_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
            JdbcLiveLog::entry,
            labId)
        .stream()
        .findFirst();
  }

  private static Entry entry(ResultSet row, int number) throws SQLException {
    return new Entry(
        row.getLong("seq"),
        row.getString("lab_id"),
        row.getInt("base_version"),
        row.getString("origin"),
        row.getString("body"),
        row.getTimestamp("created_at").toInstant());
  }
}
