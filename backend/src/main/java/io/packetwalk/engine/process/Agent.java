package io.packetwalk.engine.process;

/**
 * A simulated user-space program (flanneld, a test's echo server): started once in a namespace, it
 * opens its descriptors in {@link #start} and from then on only reacts to readable descriptors and
 * timers.
 */
public interface Agent {

  /** The program's name as ps shows it and the trace names it: {@code flanneld}. */
  String name();

  /** Opens the agent's sockets and descriptors; runs at spawn time, in virtual time. */
  void start(Syscalls kernel);
}
