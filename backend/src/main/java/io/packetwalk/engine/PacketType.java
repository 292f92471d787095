package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.MacAddress;

/** skb->pkt_type as eth_type_trans sets it: who the frame was addressed to at layer 2. */
enum PacketType {
  /** To this device's MAC. */
  HOST,
  /** To ff:ff:ff:ff:ff:ff. */
  BROADCAST,
  /** To a multicast MAC. */
  MULTICAST,
  /** To somebody else's MAC. */
  OTHERHOST;

  static PacketType of(NetDevice dev, MacAddress dst) {
    if (dst.isBroadcast()) {
      return BROADCAST;
    }
    if (dst.isMulticast()) {
      return MULTICAST;
    }
    return dst.equals(dev.mac()) ? HOST : OTHERHOST;
  }
}
