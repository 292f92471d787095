package io.packetwalk.share;

import java.time.Instant;

/**
 * One line of a lab's history: the version, its lab's title then, when it was saved, and the
 * version it restored (null when it was saved from an editor).
 *
 * @param characters the length of the stored document text
 */
public record VersionSummary(
    int versionNumber,
    String title,
    int schemaVersion,
    Instant savedAt,
    Integer restoredFrom,
    long characters) {}
