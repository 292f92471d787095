package io.packetwalk.engine;

import io.packetwalk.engine.process.Agent;
import io.packetwalk.engine.process.DatagramHandler;
import io.packetwalk.engine.process.Syscalls;
import io.packetwalk.engine.process.TunFile;
import io.packetwalk.engine.process.TunHandler;
import io.packetwalk.engine.process.UdpSocket;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;

/**
 * One running agent as the kernel sees it: its pid, its namespace and its descriptors. Handlers run
 * with the step that woke them as the cause of whatever the process writes.
 */
final class UserProcess implements Syscalls {

  private final Engine engine;
  private final NetNamespace netns;
  private final Agent agent;
  private final int pid;
  private int nextFd = 3;
  private Cause wokenBy;

  UserProcess(Engine engine, NetNamespace netns, Agent agent, int pid) {
    this.engine = engine;
    this.netns = netns;
    this.agent = agent;
    this.pid = pid;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public NetNamespace netns() {
    return netns;
  }

  @Override
  public long now() {
    return engine.now();
  }

  @Override
  public UdpSocket bindUdp(int port, DatagramHandler handler) {
    if (port < 1 || port > 0xffff) {
      throw new KernelException(Errno.EINVAL);
    }
    ProcessUdpSocket socket = new ProcessUdpSocket(engine, this, nextFd, port, handler);
    if (!engine.sockets.bindUdp(socket)) {
      throw new KernelException(Errno.EADDRINUSE);
    }
    nextFd++;
    return socket;
  }

  @Override
  public TunFile openTun(String name, TunConfig.Mode mode, TunHandler handler) {
    String named = name.contains("%d") ? null : name;
    NetDevice dev =
        named != null && netns.device(named).isPresent()
            ? netns.device(named).get()
            : netns.addTun(name, TunConfig.transientDevice(mode));
    netns.attachTun(dev, mode);
    ProcessTunFile file = new ProcessTunFile(engine, this, nextFd, dev, mode, handler);
    engine.sockets.addTunFile(file);
    nextFd++;
    return file;
  }

  @Override
  public void discard(Packet packet, String reason) {
    engine.drop(
        wokenBy, Engine.at(netns), label() + " " + reason, packet, Disposition.PROCESS_DISCARD);
  }

  @Override
  public void after(long delayNs, Runnable action) {
    engine.timerAfter(delayNs, Engine.at(netns), wokenBy, () -> wake(null, action));
  }

  /** The program's name: {@code flanneld}. */
  String name() {
    return agent.name();
  }

  /** "flanneld (pid 1000)": how the trace names the process. */
  String label() {
    return agent.name() + " (pid " + pid + ")";
  }

  /** The step that woke the process, the cause of what it writes now (null from a timer). */
  Cause wokenBy() {
    return wokenBy;
  }

  /** Runs the process's code for one wake-up, remembering what woke it. */
  void wake(Cause cause, Runnable code) {
    Cause outer = wokenBy;
    wokenBy = cause;
    try {
      code.run();
    } finally {
      wokenBy = outer;
    }
  }

  void start() {
    wake(null, () -> agent.start(this));
  }
}
