package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated processes' sockets: running pings, listening nc, open TCP connections, and the UDP
 * sockets and TUN/TAP descriptors agents open.
 */
final class Sockets {

  /** A listening socket on every address of {@code netns}. */
  record Listener(NetNamespace netns, L4Protocol protocol, int port, boolean keepOpen) {}

  private final List<PingProcess> pings = new ArrayList<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final List<TcpConnection> connections = new ArrayList<>();
  private final List<ProcessUdpSocket> udpSockets = new ArrayList<>();
  private final List<ProcessTunFile> tunFiles = new ArrayList<>();

  void addPing(PingProcess ping) {
    pings.add(ping);
  }

  void removePing(PingProcess ping) {
    pings.remove(ping);
  }

  /** The running ping in {@code ns} whose ICMP id is {@code id}. */
  Optional<PingProcess> ping(NetNamespace ns, int id) {
    return pings.stream().filter(p -> p.netns() == ns && p.id() == id).findFirst();
  }

  /** Adds a listener; false when the port is taken (bind: Address already in use). */
  boolean listen(Listener listener) {
    if (listener(listener.netns(), listener.protocol(), listener.port()).isPresent()
        || (listener.protocol() == L4Protocol.UDP
            && udpSocket(listener.netns(), listener.port()).isPresent())) {
      return false;
    }
    listeners.add(listener);
    return true;
  }

  Optional<Listener> listener(NetNamespace ns, L4Protocol protocol, int port) {
    return listeners.stream()
        .filter(l -> l.netns() == ns && l.protocol() == protocol && l.port() == port)
        .findFirst();
  }

  /** Binds an agent's UDP socket; false when the port is taken (bind: Address already in use). */
  boolean bindUdp(ProcessUdpSocket socket) {
    if (udpSocket(socket.netns(), socket.port()).isPresent()
        || listener(socket.netns(), L4Protocol.UDP, socket.port()).isPresent()) {
      return false;
    }
    udpSockets.add(socket);
    return true;
  }

  /** The agent's UDP socket bound to {@code port} in {@code ns}. */
  Optional<ProcessUdpSocket> udpSocket(NetNamespace ns, int port) {
    return udpSockets.stream().filter(s -> s.netns() == ns && s.port() == port).findFirst();
  }

  /** Keeps a process's open TUN/TAP descriptor. */
  void addTunFile(ProcessTunFile file) {
    tunFiles.add(file);
  }

  /** The descriptor that reads what {@code dev} transmits (the first, on a multi-queue device). */
  Optional<ProcessTunFile> tunFile(io.packetwalk.kernel.NetDevice dev) {
    return tunFiles.stream().filter(f -> f.dev() == dev).findFirst();
  }

  /**
   * Closes every socket and descriptor {@code process} had open (it exited): its TUN/TAP devices
   * lose that queue, and with it their carrier (a device that is not persistent goes away).
   */
  void closeAll(UserProcess process) {
    udpSockets.removeIf(s -> s.owner() == process);
    for (ProcessTunFile file : List.copyOf(tunFiles)) {
      if (file.owner() == process) {
        tunFiles.remove(file);
        if (file.dev().netns().device(file.dev().ifindex()).orElse(null) == file.dev()) {
          file.dev().netns().detachTun(file.dev());
        }
      }
    }
  }

  void close(Listener listener) {
    listeners.remove(listener);
  }

  void add(TcpConnection connection) {
    connections.add(connection);
  }

  void remove(TcpConnection connection) {
    connections.remove(connection);
  }

  /** The connection with this local and remote end in {@code ns}. */
  Optional<TcpConnection> connection(
      NetNamespace ns, Ipv4Address local, int localPort, Ipv4Address remote, int remotePort) {
    return connections.stream()
        .filter(c ->
            c.netns() == ns
                && c.localPort() == localPort
                && c.remotePort() == remotePort
                && c.local().equals(local)
                && c.remote().equals(remote))
        .findFirst();
  }
}
