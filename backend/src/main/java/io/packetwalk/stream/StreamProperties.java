package io.packetwalk.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code packetwalk.ws.*}: how many lab connections the server holds and for how long, how long a
 * disconnected lab is kept for its tab to resume, how long a send may wait for a slow client, and
 * how large labs may grow. Documented in {@code docs/limits.md}.
 */
@ConfigurationProperties("packetwalk.ws")
record StreamProperties(
    @DefaultValue("2500") int maxSessions,
    @DefaultValue("16") int maxSessionsPerAddress,
    @DefaultValue("15m") Duration idleTimeout,
    @DefaultValue("10m") Duration resumeWindow,
    @DefaultValue("1000") int maxParkedLabs,
    @DefaultValue("10s") Duration sendTimeLimit,
    @DefaultValue("20000") int maxLabObjects,
    @DefaultValue("2000000") long labObjectBudget) {}
