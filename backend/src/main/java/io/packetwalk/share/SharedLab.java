package io.packetwalk.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A saved lab (table {@code shared_lab}, named after this record): its id and the number of its
 * newest version.
 */
record SharedLab(
    @Id String id,
    Instant createdAt,
    int latestVersion,
    String forkedFrom,
    Integer forkedFromVersion) {}
