package io.packetwalk.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The {@code shared_lab_link} table. */
interface LinkRows extends Repository<SharedLabLink, String> {

  Optional<SharedLabLink> findById(String secretHash);

  /** Every link of a lab, live and revoked. */
  List<SharedLabLink> findByLabId(String labId);

  /** Revokes a lab's live links of one permission; returns how many there were. */
  @Modifying
  @Query(
      "UPDATE shared_lab_link SET revoked_at = :at"
          + " WHERE lab_id = :labId AND permission = :permission AND revoked_at IS NULL")
  int revoke(
      @Param("labId") String labId,
      @Param("permission") String permission,
      @Param("at") Instant at);
}
