package io.packetwalk.engine.process;

import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetNamespace;

/** What a process may ask of its kernel. The engine implements it, one per process. */
public interface Syscalls {

  /** The process id, deterministic like PIDs on a fresh machine. */
  int pid();

  /** The network namespace the process runs in. */
  NetNamespace netns();

  /** Virtual time now, in nanoseconds. */
  long now();

  /**
   * socket(AF_INET, SOCK_DGRAM) and bind() to {@code port} on every address: each datagram that
   * arrives for it is read by {@code handler}.
   *
   * @throws KernelException EADDRINUSE when the port is taken in this namespace, EINVAL when it is
   *     not in 1..65535
   */
  UdpSocket bindUdp(int port, DatagramHandler handler);

  /** Runs {@code action} after {@code delayNs} of virtual time (a timer, or a sleep). */
  void after(long delayNs, Runnable action);
}
