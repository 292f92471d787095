package io.packetwalk.lab;

import io.packetwalk.kernel.IpvlanMode;
import io.packetwalk.kernel.MacvlanMode;
import io.packetwalk.net.MacAddress;
import java.util.List;

/**
 * One device of a namespace and its addresses, in the order the kernel keeps them.
 *
 * @param ifindex the index the kernel gave it in its namespace ({@code lo} is 1)
 * @param master the bridge (in the same namespace) this device is a port of, or null
 * @param peer the other end, for a veth (required then, null otherwise)
 * @param bridge the bridge settings, for a bridge (defaults when null; null for other kinds)
 * @param port the port settings while enslaved (defaults when null; null without a master)
 * @param underlay the underlay switch a physical NIC is plugged into, or null (unplugged, or not a
 *     physical NIC)
 * @param vxlan the VXLAN settings, for a VXLAN device (required then, null otherwise)
 * @param stacked the lower device and mode or VLAN id, for a macvlan or vlan (required then, null
 *     otherwise)
 * @param tun the TUN/TAP settings, for a TUN/TAP device (required then, null otherwise)
 */
public record LabDevice(
    String name,
    LabDeviceKind kind,
    int ifindex,
    MacAddress mac,
    int mtu,
    boolean up,
    String master,
    LabPeer peer,
    LabBridge bridge,
    LabPort port,
    String underlay,
    LabVxlan vxlan,
    LabTun tun,
    List<LabAddress> addresses,
    LabStacked stacked) {

  public LabDevice {
    Names.checkDevice("name", name);
    if (kind == null) {
      throw new LabValueException("kind", "is required (one of " + LabDeviceKind.words() + ")");
    }
    if (kind == LabDeviceKind.TUN && tun == null) {
      throw new LabValueException("tun", "a TUN/TAP device needs its settings (mode, …)");
    }
    if (ifindex < 1) {
      throw new LabValueException("ifindex", ifindex + " is not a valid ifindex (1 or more)");
    }
    if (mac == null) {
      throw new LabValueException("mac", "is required");
    }
    if (kind == LabDeviceKind.LOOPBACK) {
      if (ifindex != 1) {
        throw new LabValueException("ifindex", "the loopback device is always ifindex 1");
      }
      if (!mac.isZero()) {
        throw new LabValueException("mac", "the loopback device's MAC is 00:00:00:00:00:00");
      }
    } else if (kind == LabDeviceKind.TUN && tun != null && tun.isTun()) {
      if (!mac.isZero()) {
        throw new LabValueException("mac", "a TUN device has no MAC: 00:00:00:00:00:00");
      }
    } else if (mac.isMulticast() || (mac.isZero() && kind != LabDeviceKind.BRIDGE)) {
      throw new LabValueException("mac", mac + " is not a unicast MAC address");
    }
    checkMtu(kind, tun, mtu);
    if (master != null) {
      Names.checkDevice("master", master);
      if (kind == LabDeviceKind.LOOPBACK || kind == LabDeviceKind.BRIDGE) {
        throw new LabValueException("master", "a " + kind.word() + " cannot be a bridge port");
      }
      if (master.equals(name)) {
        throw new LabValueException("master", "a device cannot be its own master");
      }
      port = port == null ? LabPort.DEFAULTS : port;
    } else if (port != null) {
      throw new LabValueException(
          "port", "only a bridge port (a device with a master) has port settings");
    }
    if (kind == LabDeviceKind.VETH && peer == null) {
      throw new LabValueException("peer", "a veth needs its peer (netns and device)");
    }
    if (kind != LabDeviceKind.VETH && peer != null) {
      throw new LabValueException("peer", "only a veth has a peer");
    }
    if (kind == LabDeviceKind.BRIDGE) {
      bridge = bridge == null ? LabBridge.DEFAULTS : bridge;
    } else if (bridge != null) {
      throw new LabValueException("bridge", "only a bridge has bridge settings");
    }
    if (underlay != null && kind != LabDeviceKind.PHYSICAL) {
      throw new LabValueException(
          "underlay", "only a physical NIC is plugged into an underlay switch");
    }
    if (kind == LabDeviceKind.VXLAN && vxlan == null) {
      throw new LabValueException("vxlan", "a VXLAN device needs its settings (vni, dstPort, …)");
    }
    if (kind != LabDeviceKind.VXLAN && vxlan != null) {
      throw new LabValueException("vxlan", "only a VXLAN device has VXLAN settings");
    }
    if (kind != LabDeviceKind.TUN && tun != null) {
      throw new LabValueException("tun", "only a TUN/TAP device has TUN/TAP settings");
    }
    addresses = Names.list("addresses", addresses);
    checkStacked(kind, stacked);
  }

  private static void checkStacked(LabDeviceKind kind, LabStacked stacked) {
    if (kind != LabDeviceKind.MACVLAN
        && kind != LabDeviceKind.VLAN
        && kind != LabDeviceKind.IPVLAN) {
      if (stacked != null) {
        throw new LabValueException(
            "stacked", "only a macvlan, a vlan or an ipvlan sits on a lower device");
      }
      return;
    }
    if (stacked == null) {
      throw new LabValueException("stacked", "a " + kind.word() + " needs its lower device");
    }
    if (kind == LabDeviceKind.VLAN) {
      if (stacked.vlanId() == null || stacked.mode() != null || stacked.flag() != null) {
        throw new LabValueException("stacked", "a vlan has a vlanId, and no mode or flag");
      }
      return;
    }
    if (stacked.vlanId() != null) {
      throw new LabValueException("stacked.vlanId", "only a vlan has a VLAN id");
    }
    if (kind == LabDeviceKind.IPVLAN) {
      if (stacked.mode() == null || IpvlanMode.fromWord(stacked.mode()).isEmpty()) {
        throw new LabValueException(
            "stacked.mode", "\"" + stacked.mode() + "\" is not an ipvlan mode (l2, l3, l3s)");
      }
      if (stacked.flag() == null
          || !java.util.Set.of("bridge", "private", "vepa").contains(stacked.flag())) {
        throw new LabValueException(
            "stacked.flag",
            "\"" + stacked.flag() + "\" is not an ipvlan flag (bridge, private, vepa)");
      }
      return;
    }
    if (stacked.flag() != null) {
      throw new LabValueException("stacked.flag", "only an ipvlan has a flag");
    }
    if (stacked.mode() == null || MacvlanMode.fromWord(stacked.mode()).isEmpty()) {
      throw new LabValueException(
          "stacked.mode",
          "\"" + stacked.mode() + "\" is not a macvlan mode (private, vepa, bridge, passthru)");
    }
  }

  private static void checkMtu(LabDeviceKind kind, LabTun tun, int mtu) {
    int min = 68;
    int max = tun != null && !tun.isTun() ? 65521 : 65535;
    if (kind == LabDeviceKind.LOOPBACK || kind == LabDeviceKind.DUMMY) {
      min = 0;
      max = Integer.MAX_VALUE;
    }
    if (mtu < min || mtu > max) {
      throw new LabValueException(
          "mtu",
          mtu + " is outside what a " + kind.word() + " accepts (" + min + " … " + max + ")");
    }
  }

  /** The MTU a new device of this kind starts with. */
  public static int defaultMtu(LabDeviceKind kind) {
    return kind == LabDeviceKind.LOOPBACK ? 65536 : 1500;
  }
}
