/**
 * Fuzz tests (jqwik generators): the shell's line parser, every tool's argument parsing, the lab
 * JSON reader and the WebSocket decoder get generated and mutated input, and nothing may escape but
 * the clear error each one documents. How to run them longer: {@code docs/fuzzing.md}.
 */
package io.packetwalk.fuzz;
