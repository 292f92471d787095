package io.packetwalk.share;

import java.time.Instant;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The {@code lab_creation} table: rows are inserted, counted, and deleted once a minute old. */
interface LabCreationRows extends Repository<LabCreation, Long> {

  long countByAddressHashAndCreatedAtAfter(String addressHash, Instant since);

  /** The first row of {@code addressHash} after {@code since}: the one to wait for. */
  LabCreation findFirstByAddressHashAndCreatedAtAfterOrderByCreatedAt(
      String addressHash, Instant since);

  @Modifying
  @Query("DELETE FROM lab_creation WHERE created_at < :before")
  int deleteOlderThan(@Param("before") Instant before);
}
