package io.packetwalk.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The {@code shared_lab_version} table: read only; rows are inserted, never changed. */
interface VersionRows extends Repository<SharedLabVersion, Long> {

  Optional<SharedLabVersion> findByLabIdAndVersionNumber(String labId, int versionNumber);

  /** A lab's versions, oldest first, without their documents. */
  @Query(
      "SELECT version_number, title, schema_version, saved_at, restored_from,"
          + " LENGTH(document) AS characters"
          + " FROM shared_lab_version WHERE lab_id = :labId ORDER BY version_number")
  List<VersionSummary> summaries(@Param("labId") String labId);

  long countByLabIdAndSavedAtAfter(String labId, Instant since);
}
