package io.packetwalk.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One immutable version of a lab (table {@code shared_lab_version}): the lab document JSON as it
 * was written, its schema version and SHA-256, and the version it restored, if any.
 */
record SharedLabVersion(
    @Id Long id,
    String labId,
    int versionNumber,
    String title,
    int schemaVersion,
    String document,
    String documentSha256,
    Instant savedAt,
    Integer restoredFrom) {}
