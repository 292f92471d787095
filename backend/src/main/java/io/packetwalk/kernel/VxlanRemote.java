package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;

/**
 * One destination of a VXLAN FDB entry (the kernel's vxlan_rdst): the remote VTEP's address and,
 * when set, the port, VNI and outgoing device that override the device's own.
 *
 * @param port 0 to use the device's destination port
 * @param vni -1 to use the device's VNI
 * @param via the device to send through ({@code via DEV}), or null
 */
public record VxlanRemote(Ipv4Address address, int port, int vni, NetDevice via) {

  public static VxlanRemote to(Ipv4Address address, NetDevice via) {
    return new VxlanRemote(address, 0, -1, via);
  }
}
