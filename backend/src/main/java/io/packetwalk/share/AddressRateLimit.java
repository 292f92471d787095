package io.packetwalk.share;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many labs each client address made in the last minute, kept in the database (table {@code
 * lab_creation}) so that every server instance behind one load balancer counts the same labs. Two
 * instances making a lab for one address at the same moment may each let one through; the limit is
 * a brake, not a quota.
 */
@Component
class AddressRateLimit {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int limit;
  private final LabCreationRows creations;
  private final JdbcAggregateTemplate rows;
  private final Clock clock;

  @Autowired
  AddressRateLimit(
      ShareProperties properties, LabCreationRows creations, JdbcAggregateTemplate rows) {
    this(properties.labsPerMinutePerAddress(), creations, rows, Clock.systemUTC());
  }

  AddressRateLimit(int limit, LabCreationRows creations, JdbcAggregateTemplate rows, Clock clock) {
    this.limit = limit;
    this.creations = creations;
    this.rows = rows;
    this.clock = clock;
  }

  /** Counts one new lab for {@code address}, or refuses (429) when it made the limit already. */
  @Transactional
  public void acquire(String address) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant since = now.minus(WINDOW);
    creations.deleteOlderThan(since);
    String hash = hash(address);
    if (creations.countByAddressHashAndCreatedAtAfter(hash, since) >= limit) {
      Instant first =
          creations
              .findFirstByAddressHashAndCreatedAtAfterOrderByCreatedAt(hash, since)
              .createdAt();
      long wait = Duration.between(now, first.plus(WINDOW)).toSeconds() + 1;
      throw new ShareException(
          HttpStatus.TOO_MANY_REQUESTS,
          "TOO_MANY_LABS",
          "This address made "
              + limit
              + " labs in the last minute, the limit; try again in "
              + wait
              + " seconds.");
    }
    rows.insert(new LabCreation(null, hash, now));
  }

  private static String hash(String address) {
    return HexFormat.of().formatHex(LinkSecrets.sha256(address.getBytes(StandardCharsets.UTF_8)));
  }
}
