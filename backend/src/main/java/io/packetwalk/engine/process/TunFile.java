package io.packetwalk.engine.process;

import io.packetwalk.net.packet.Packet;

/**
 * A process's descriptor on a TUN or TAP device (open("/dev/net/tun") and TUNSETIFF): what the
 * kernel transmits on the device is read through it, what the process writes arrives in the kernel
 * as received on the device.
 */
public interface TunFile extends FileDescriptor {

  /** The device the descriptor is attached to: {@code flannel0}. */
  String device();

  /**
   * write(): hands {@code packet} to the kernel as received on the device — an IPv4 packet on a
   * TUN, an Ethernet frame on a TAP.
   *
   * @throws io.packetwalk.kernel.KernelException EINVAL for the other kind of packet, EBADFD once
   *     the device is gone
   */
  void write(Packet packet);
}
