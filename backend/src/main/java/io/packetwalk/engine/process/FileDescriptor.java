package io.packetwalk.engine.process;

/** An open file descriptor of a process: a socket, or a TUN device's. */
public interface FileDescriptor {

  /** The descriptor's number; a process's first is 3, after stdin, stdout and stderr. */
  int number();

  /** What it is, as a learner reads it: {@code UDP socket on port 8285}. */
  String describe();
}
