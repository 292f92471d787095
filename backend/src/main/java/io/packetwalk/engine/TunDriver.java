package io.packetwalk.engine;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.TunState;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;

/**
 * The tun driver (drivers/net/tun.c): what the kernel transmits on a TUN/TAP device is queued to
 * the process that has it open — a TUN hands over the bare IP packet, a TAP the whole frame.
 */
final class TunDriver {

  private final Engine engine;

  TunDriver(Engine engine) {
    this.engine = engine;
  }

  /** tun_net_xmit(): the first attached descriptor gets the packet. */
  void transmit(NetDevice dev, TunState state, EthernetFrame frame, Cause cause) {
    Packet handed = state.isTun() && frame.payload() instanceof Ipv4Packet ip ? ip : frame;
    engine
        .sockets
        .tunFile(dev)
        .ifPresentOrElse(
            file -> file.queue(handed, cause),
            () -> engine.drop(cause, Engine.at(dev), noReader(dev), frame, Disposition.LINK_DOWN));
  }

  /** Why a TUN/TAP device nobody has open cannot send: the learner's sentence. */
  static String noReader(NetDevice dev) {
    return Texts.name(dev)
        + " has no process reading it: nobody has the TUN/TAP device open, so it has no carrier"
        + " (NO-CARRIER) and the packet is dropped and counted as a transmit drop.";
  }

  /**
   * The bytes a device's counters add for a frame: a TUN counts the bare IP packet (it has no link
   * header), a VTEP the inner packet without its Ethernet header, other devices the frame.
   */
  static int countedLength(NetDevice dev, EthernetFrame frame) {
    boolean l3 = dev.kind() instanceof DeviceKind.Tun(TunState tun) && tun.isTun();
    return l3 || dev.kind() instanceof DeviceKind.Vxlan
        ? frame.length() - EthernetFrame.HEADER_LENGTH
        : frame.length();
  }
}
