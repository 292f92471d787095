package io.packetwalk.engine;

import io.packetwalk.engine.process.TunFile;
import io.packetwalk.engine.process.TunHandler;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;

/**
 * A process's descriptor on a TUN/TAP device: packets the kernel transmits on the device wait in
 * its queue until the process reads them; what the process writes is received on the device.
 */
final class ProcessTunFile implements TunFile {

  private final Engine engine;
  private final UserProcess owner;
  private final int number;
  private final NetDevice dev;
  private final TunConfig.Mode mode;
  private final TunHandler handler;

  ProcessTunFile(
      Engine engine,
      UserProcess owner,
      int number,
      NetDevice dev,
      TunConfig.Mode mode,
      TunHandler handler) {
    this.engine = engine;
    this.owner = owner;
    this.number = number;
    this.dev = dev;
    this.mode = mode;
    this.handler = handler;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public String device() {
    return dev.name();
  }

  @Override
  public String describe() {
    return mode.word().toUpperCase(java.util.Locale.ROOT) + " device " + dev.name();
  }

  UserProcess owner() {
    return owner;
  }

  NetDevice dev() {
    return dev;
  }

  /**
   * tun_net_xmit(): the packet joins the descriptor's queue; the process reads it when it wakes.
   */
  void queue(Packet packet, Cause queued) {
    engine.frameAfter(
        ProcessUdpSocket.WAKEUP_NS, Engine.at(dev), queued, () -> read(packet, queued));
  }

  private void read(Packet packet, Cause queued) {
    Cause read =
        engine.end(
            queued,
            Engine.at(dev),
            StepKind.USERSPACE_READ,
            owner.label()
                + " reads the "
                + what(packet)
                + " from fd "
                + number
                + " (its "
                + describe()
                + "): the packet leaves the kernel for user space.",
            packet,
            Disposition.DELIVERED);
    owner.wake(read, () -> handler.onPacket(this, packet));
  }

  @Override
  public void write(Packet packet) {
    if (dev.netns().device(dev.ifindex()).orElse(null) != dev) {
      throw new KernelException(Errno.EBADFD);
    }
    EthernetFrame frame =
        switch (packet) {
          case Ipv4Packet ip when mode == TunConfig.Mode.TUN ->
              new EthernetFrame(dev.mac(), dev.mac(), ip);
          case EthernetFrame ether when mode == TunConfig.Mode.TAP -> ether;
          default -> throw new KernelException(Errno.EINVAL);
        };
    Cause wrote =
        engine.step(
            owner.wokenBy(),
            Engine.at(dev),
            StepKind.USERSPACE_WRITE,
            owner.label()
                + " writes the "
                + what(packet)
                + " to fd "
                + number
                + " (its "
                + describe()
                + "): the packet passes from user space into the kernel, received on "
                + dev.name()
                + ".",
            packet);
    engine.frameAfter(
        ProcessUdpSocket.WAKEUP_NS,
        Engine.at(dev),
        wrote,
        () -> engine.pipeline.receive(dev, frame, wrote));
  }

  private static String what(Packet packet) {
    return switch (packet) {
      case Ipv4Packet ip ->
          ip.totalLength() + "-byte IP packet " + ip.src() + " → " + ip.dst() + " (no link header)";
      case EthernetFrame frame ->
          frame.length() + "-byte Ethernet frame " + frame.src() + " → " + frame.dst();
    };
  }
}
