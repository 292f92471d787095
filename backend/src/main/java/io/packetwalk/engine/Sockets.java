package io.packetwalk.engine;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The simulated processes' sockets: running pings, listening nc, and open TCP connections. */
final class Sockets {

  /** A listening socket on every address of {@code netns}. */
  record Listener(NetNamespace netns, L4Protocol protocol, int port, boolean keepOpen) {}

  private final List<PingProcess> pings = new ArrayList<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final List<TcpConnection> connections = new ArrayList<>();

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
    if (listener(listener.netns(), listener.protocol(), listener.port()).isPresent()) {
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
