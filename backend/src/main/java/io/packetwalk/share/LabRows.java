package io.packetwalk.share;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The {@code shared_lab} table. */
interface LabRows extends Repository<SharedLab, String> {

  Optional<SharedLab> findById(String id);

  /**
   * Takes the next version number of a lab; the row stays locked until the transaction ends, so
   * concurrent saves to one lab wait for each other and get consecutive numbers.
   */
  @Modifying
  @Query("UPDATE shared_lab SET latest_version = latest_version + 1 WHERE id = :id")
  int incrementLatestVersion(@Param("id") String id);
}
