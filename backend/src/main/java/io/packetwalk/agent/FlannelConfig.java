package io.packetwalk.agent;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import java.util.List;

/**
 * What flanneld's UDP backend runs with: the whole cluster network, this node's lease, the external
 * interface, the UDP port and the other nodes' leases (given on the command line here, where real
 * flanneld watches etcd).
 */
public record FlannelConfig(
    Ipv4Prefix network, Ipv4Prefix subnet, String iface, int port, List<FlannelPeer> peers) {

  /** flannel's UDP backend default port. */
  public static final int DEFAULT_PORT = 8285;

  /** 20 bytes of outer IPv4 header and 8 of UDP: flannel0's MTU is the interface's less this. */
  public static final int OVERHEAD = 28;

  public FlannelConfig {
    peers = List.copyOf(peers);
  }

  /** The address flannel0 gets: the lease's network address. */
  public Ipv4Address tunAddress() {
    return subnet.network().address();
  }

  /** The peer whose subnet holds {@code dst}, the most specific first. */
  public java.util.Optional<FlannelPeer> peerFor(Ipv4Address dst) {
    return peers.stream()
        .filter(p -> p.subnet().contains(dst))
        .max(java.util.Comparator.comparingInt(p -> p.subnet().length()));
  }
}
