package io.packetwalk.share;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code packetwalk.share.*}: the limits of saved labs (docs/sharing.md). The database itself is
 * set by {@code packetwalk.db.path} (the embedded H2 file) or {@code spring.datasource.*}.
 *
 * @param maxDocumentSize the largest lab document a save or a new lab may send
 * @param versionsPerMinute saves (and restores) one lab takes in any 60 seconds
 * @param labsPerMinutePerAddress labs (new and forked) one client address makes in any 60 seconds
 */
@ConfigurationProperties("packetwalk.share")
public record ShareProperties(
    @DefaultValue("2MB") DataSize maxDocumentSize,
    @DefaultValue("30") int versionsPerMinute,
    @DefaultValue("10") int labsPerMinutePerAddress) {}
