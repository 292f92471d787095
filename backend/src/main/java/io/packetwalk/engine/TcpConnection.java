package io.packetwalk.engine;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.Ipv4Address;
import java.util.function.Consumer;

/**
 * One end of a TCP connection: its addresses, state and sequence numbers. A client end reports the
 * outcome of its connect (null for success, or the errno) to {@code onConnect}; a server end
 * remembers the listener that accepted it.
 */
final class TcpConnection {

  /** The TCP states this model walks through. */
  enum State {
    SYN_SENT,
    SYN_RECV,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    LAST_ACK,
    CLOSED
  }

  private final NetNamespace netns;
  private final Ipv4Address local;
  private final int localPort;
  private final Ipv4Address remote;
  private final int remotePort;
  private final Sockets.Listener listener;
  private final Consumer<Errno> onConnect;
  private State state;
  private long sendNext;
  private long receiveNext;

  TcpConnection(
      NetNamespace netns,
      Ipv4Address local,
      int localPort,
      Ipv4Address remote,
      int remotePort,
      Sockets.Listener listener,
      Consumer<Errno> onConnect,
      State state) {
    this.netns = netns;
    this.local = local;
    this.localPort = localPort;
    this.remote = remote;
    this.remotePort = remotePort;
    this.listener = listener;
    this.onConnect = onConnect;
    this.state = state;
  }

  NetNamespace netns() {
    return netns;
  }

  Ipv4Address local() {
    return local;
  }

  int localPort() {
    return localPort;
  }

  Ipv4Address remote() {
    return remote;
  }

  int remotePort() {
    return remotePort;
  }

  /** The listener that accepted this (server) end, or null for a client. */
  Sockets.Listener listener() {
    return listener;
  }

  State state() {
    return state;
  }

  void state(State next) {
    this.state = next;
  }

  long sendNext() {
    return sendNext;
  }

  void sendNext(long value) {
    this.sendNext = value & 0xffff_ffffL;
  }

  long receiveNext() {
    return receiveNext;
  }

  void receiveNext(long value) {
    this.receiveNext = value & 0xffff_ffffL;
  }

  /** Tells the connecting program how connect() ended. */
  void connectDone(Errno error) {
    onConnect.accept(error);
  }
}
