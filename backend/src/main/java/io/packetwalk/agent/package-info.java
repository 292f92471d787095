/**
 * Simulated user-space programs that act on the world through the process model ({@link
 * io.packetwalk.engine.process}): Packetwalk's flanneld with its UDP backend. Each is an {@link
 * io.packetwalk.engine.process.Agent}; the shell command that starts one lives with the shell.
 */
package io.packetwalk.agent;
