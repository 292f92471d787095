/**
 * JMH benchmarks of the simulator core: engine steps per second, building a large world from a
 * script, route lookup in a big table, and netfilter at kube-proxy scale (restore, first and
 * established packets). They are test sources, never tests; the {@code bench} Maven profile runs
 * them and {@code docs/performance.md} reports the figures.
 */
package io.packetwalk.bench;
