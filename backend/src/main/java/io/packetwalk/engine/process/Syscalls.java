package io.packetwalk.engine.process;

import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.net.packet.Packet;

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

  /**
   * open("/dev/net/tun") and TUNSETIFF({@code name}, mode, IFF_NO_PI): attaches to the TUN/TAP
   * device of that name, or creates one (not persistent: it goes when the process closes it) when
   * no device has the name; a template such as {@code flannel%d} takes the lowest free number.
   * Attaching gives the device carrier; each packet the kernel transmits on it is read by {@code
   * handler}.
   *
   * @throws KernelException EINVAL when the device is not a TUN/TAP device of that mode, EBUSY when
   *     a single-queue device is already open
   */
  TunFile openTun(String name, TunConfig.Mode mode, TunHandler handler);

  /**
   * The program throws away {@code packet}, which it read, for {@code reason} (a sentence): the
   * trace ends the packet there with a step that says why.
   */
  void discard(Packet packet, String reason);

  /** Runs {@code action} after {@code delayNs} of virtual time (a timer, or a sleep). */
  void after(long delayNs, Runnable action);
}
