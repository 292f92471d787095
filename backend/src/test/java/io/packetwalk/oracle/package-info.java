/**
 * The kernel oracle: runs every scenario script both in the simulator and under bash in real,
 * isolated network namespaces, and compares the two per command after normalising only what the
 * kernel makes random or time-dependent. {@code docs/fidelity.md} says what is compared and why.
 */
package io.packetwalk.oracle;
