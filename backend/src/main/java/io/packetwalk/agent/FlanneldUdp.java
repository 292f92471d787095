package io.packetwalk.agent;

import io.packetwalk.engine.process.Agent;
import io.packetwalk.engine.process.ReceivedDatagram;
import io.packetwalk.engine.process.Syscalls;
import io.packetwalk.engine.process.TunFile;
import io.packetwalk.engine.process.UdpSocket;
import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;

/**
 * Packetwalk's flanneld with the UDP backend: it opens the TUN device flannel0 (creating it when
 * missing), gives it the lease's network address with the cluster network's prefix, an MTU 28 bytes
 * below the external interface's and brings it up; it binds UDP {@code port}. Each IP packet the
 * kernel routes into flannel0 is read, its TTL decremented, and sent whole as the data of a UDP
 * datagram to the flanneld of the node whose subnet holds the destination; each such datagram that
 * arrives is unwrapped, its TTL decremented, and written into flannel0. A packet for a subnet no
 * peer has is answered with ICMP net unreachable written back into flannel0 (unless it is ICMP
 * itself), as flannel's proxy does.
 */
public final class FlanneldUdp implements Agent {

  /** The TTL of the ICMP errors flannel's proxy writes back. */
  private static final int ICMP_TTL = 8;

  private final FlannelConfig config;
  private Syscalls kernel;
  private TunFile tun;
  private UdpSocket socket;

  public FlanneldUdp(FlannelConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "flanneld";
  }

  @Override
  public void start(Syscalls kernel) {
    this.kernel = kernel;
    NetNamespace ns = kernel.netns();
    NetDevice ext = ns.requireDevice(config.iface());
    tun = kernel.openTun("flannel0", TunConfig.Mode.TUN, (file, packet) -> fromTun(packet));
    configure(ns, ns.requireDevice(tun.device()), ext.mtu() - FlannelConfig.OVERHEAD);
    socket = kernel.bindUdp(config.port(), (s, datagram) -> fromPeer(datagram));
  }

  /** configureIface(): the address, the MTU, up. */
  private void configure(NetNamespace ns, NetDevice flannel0, int mtu) {
    Ipv4Prefix address = new Ipv4Prefix(config.tunAddress(), config.network().length());
    boolean present = flannel0.addresses().stream().anyMatch(a -> a.prefix().equals(address));
    if (!present) {
      ns.addAddress(
          flannel0, new InterfaceAddress(address, null, AddressScope.GLOBAL, null, false, 0));
    }
    ns.setMtu(flannel0, mtu);
    ns.setUp(flannel0, true);
  }

  /** tun_to_udp(): a packet the kernel routed into flannel0. */
  private void fromTun(Packet packet) {
    if (!(packet instanceof Ipv4Packet ip)) {
      return;
    }
    var peer = config.peerFor(ip.dst());
    if (peer.isEmpty()) {
      noPeer(ip);
      return;
    }
    if (ip.ttl() <= 1) {
      kernel.discard(ip, "decrements the TTL to 0 and drops the packet (it sends no ICMP).");
      return;
    }
    socket.sendTo(
        peer.get().publicIp(), config.port(), new CarriedIpPacket(ip.withTtl(ip.ttl() - 1)));
  }

  /** send_net_unreachable(): no lease holds the destination. */
  private void noPeer(Ipv4Packet ip) {
    boolean icmp = ip.payload() instanceof IcmpMessage;
    kernel.discard(
        ip,
        "knows no peer whose subnet holds "
            + ip.dst()
            + " (its peers: "
            + peerList()
            + "), so the packet goes nowhere"
            + (icmp
                ? "; it is ICMP, which never gets an ICMP error back."
                : "; flanneld writes an ICMP net unreachable for " + ip.src() + " into flannel0."));
    if (!icmp) {
      tun.write(
          new Ipv4Packet(
              config.tunAddress(),
              ip.src(),
              ICMP_TTL,
              0,
              false,
              IcmpMessage.error(
                  IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_NET_UNREACHABLE, ip, 0)));
    }
  }

  private String peerList() {
    if (config.peers().isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (FlannelPeer p : config.peers()) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(p.subnet()).append(" at ").append(p.publicIp());
    }
    return out.toString();
  }

  /** udp_to_tun(): a datagram from another node's flanneld. */
  private void fromPeer(ReceivedDatagram datagram) {
    if (!(datagram.payload() instanceof CarriedIpPacket(Ipv4Packet inner))) {
      // Not an IP packet: the kernel would throw the bytes away once written; nothing to send.
      return;
    }
    if (inner.ttl() <= 1) {
      kernel.discard(inner, "decrements the TTL to 0 and drops the packet (it sends no ICMP).");
      return;
    }
    tun.write(inner.withTtl(inner.ttl() - 1));
  }
}
