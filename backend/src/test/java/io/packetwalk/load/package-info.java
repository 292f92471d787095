/**
 * The load test: the packaged jar started with a small heap and driven over loopback by heavy
 * scripts, idle, slow and busy WebSocket clients at once, measuring health latency, memory and
 * threads (run by Failsafe after the jar is built).
 */
package io.packetwalk.load;
