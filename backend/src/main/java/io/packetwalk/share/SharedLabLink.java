package io.packetwalk.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A link of a lab (table {@code shared_lab_link}), known by the hash of its secret only. */
record SharedLabLink(
    @Id String secretHash,
    String labId,
    Permission permission,
    Instant createdAt,
    Instant revokedAt) {

  boolean revoked() {
    return revokedAt != null;
  }
}
