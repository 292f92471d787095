package io.packetwalk.kernel;

import java.util.List;

/**
 * What a device is. The small contract every kind answers; everything else a kind knows lives in
 * its own record. New kinds are added to this sealed family, nowhere else.
 *
 * <p>A kind's link rules live here too, and nowhere else: when its driver reports carrier ({@link
 * #carrier}), whether it reports it at all ({@link #reportsCarrier}), which device is the layer
 * below it ({@link #iflink}) and whose carrier follows its own ({@link #carrierFollowers}). The
 * kernel's {@link Linkwatch} derives the operational state from these.
 */
public sealed interface DeviceKind
    permits DeviceKind.Loopback,
        DeviceKind.Veth,
        DeviceKind.Bridge,
        DeviceKind.Dummy,
        DeviceKind.Physical,
        DeviceKind.Vxlan,
        DeviceKind.Stacked,
        DeviceKind.Tun {

  /** The name iproute2 prints for {@code ip -d link} and {@code type NAME}: veth, bridge, … */
  String typeName();

  /**
   * Whether the driver reports carrier now (netif_carrier_ok(), LOWER_UP). A device that is down
   * has none, unless its kind says otherwise.
   */
  boolean carrier(NetDevice dev);

  /**
   * Whether the driver ever reports its carrier to linkwatch (netif_carrier_on/off). A device whose
   * carrier has never changed keeps the operstate it was born with, UNKNOWN, while it is up.
   */
  default boolean reportsCarrier(NetDevice dev) {
    return true;
  }

  /**
   * dev_get_iflink(): the ifindex of the layer below, which default_operstate() looks up in the
   * device's own namespace (LOWERLAYERDOWN when that device has no carrier either); the device's
   * own ifindex when there is no layer below.
   */
  default int iflink(NetDevice dev) {
    return dev.ifindex();
  }

  /**
   * The devices whose carrier may change when this one's link changes, besides the bridge it is a
   * port of (linkwatch always revisits that one).
   */
  default List<NetDevice> carrierFollowers(NetDevice dev) {
    return List.of();
  }

  /**
   * The root qdisc attach_default_qdiscs() gives the device on its first up: noqueue for a device
   * without a transmit queue (IFF_NO_QUEUE or tx_queue_len 0), else the default qdisc.
   */
  default String qdiscWhenUp() {
    return "noqueue";
  }

  /** The loopback device {@code lo}: every namespace has exactly one, created with it. */
  record Loopback() implements DeviceKind {
    @Override
    public String typeName() {
      return "loopback";
    }

    /** Always has carrier once up; never tells linkwatch, so ip prints UNKNOWN. */
    @Override
    public boolean carrier(NetDevice dev) {
      return dev.isAdminUp();
    }

    @Override
    public boolean reportsCarrier(NetDevice dev) {
      return false;
    }
  }

  /** One end of a veth pair; the pair object links both ends across namespaces. */
  record Veth(VethPair pair) implements DeviceKind {
    @Override
    public String typeName() {
      return "veth";
    }

    /** veth_open(): carrier on both ends once both are up. */
    @Override
    public boolean carrier(NetDevice dev) {
      return dev.isAdminUp() && pair.peerOf(dev).isAdminUp();
    }

    /** veth_get_iflink(): the peer's ifindex, whichever namespace the peer is in. */
    @Override
    public int iflink(NetDevice dev) {
      return pair.peerOf(dev).ifindex();
    }

    @Override
    public List<NetDevice> carrierFollowers(NetDevice dev) {
      return List.of(pair.peerOf(dev));
    }
  }

  /** A Linux bridge; its ports and forwarding database live in {@link BridgeState}. */
  record Bridge(BridgeState state) implements DeviceKind {
    @Override
    public String typeName() {
      return "bridge";
    }

    /**
     * Up with the carrier every device is born with until the ports decide; from then on, while a
     * port is up with carrier (br_port_carrier_check()).
     */
    @Override
    public boolean carrier(NetDevice dev) {
      if (!dev.isAdminUp()) {
        return false;
      }
      return !state.portsDecideCarrier()
          || state.ports().stream().anyMatch(p -> p.isAdminUp() && p.hasCarrier());
    }

    /** Not before br_port_state_selection() first ran (see {@link #carrier}). */
    @Override
    public boolean reportsCarrier(NetDevice dev) {
      return state.portsDecideCarrier();
    }
  }

  /** A dummy device: always has carrier, drops everything it transmits. */
  record Dummy() implements DeviceKind {
    @Override
    public String typeName() {
      return "dummy";
    }

    /** Carrier from birth, up or down; never tells linkwatch, so ip prints UNKNOWN. */
    @Override
    public boolean carrier(NetDevice dev) {
      return true;
    }

    @Override
    public boolean reportsCarrier(NetDevice dev) {
      return false;
    }
  }

  /** A physical NIC wired to an underlay switch (or to nothing: no carrier). */
  record Physical(UnderlayCable cable) implements DeviceKind {
    @Override
    public String typeName() {
      return "physical";
    }

    /** Carrier while the cable is plugged into a switch, up or down. */
    @Override
    public boolean carrier(NetDevice dev) {
      return cable.isPlugged();
    }
  }

  /** A VXLAN tunnel endpoint: wraps frames in UDP to remote VTEPs, unwraps what arrives. */
  record Vxlan(VxlanState state) implements DeviceKind {
    @Override
    public String typeName() {
      return "vxlan";
    }

    /** Carrier from birth (the driver never turns it off); never reported, so ip prints UNKNOWN. */
    @Override
    public boolean carrier(NetDevice dev) {
      return true;
    }

    @Override
    public boolean reportsCarrier(NetDevice dev) {
      return false;
    }
  }

  /**
   * A device stacked on a lower device (macvlan, ipvlan, vlan): it sends through the lower device
   * and receives what the lower device's receive handler hands it.
   */
  sealed interface Stacked extends DeviceKind permits Macvlan, Vlan, Ipvlan {

    /** The device below: the one printed after "@" and the one frames really leave by. */
    NetDevice lower();

    /**
     * netif_stacked_transfer_operstate(): the stacked device has carrier exactly while its lower
     * device is up with carrier, whatever its own admin state. (Linkwatch revisits a device's
     * uppers whenever it revisits the device.)
     */
    @Override
    default boolean carrier(NetDevice dev) {
      return lower().isAdminUp() && lower().hasCarrier();
    }

    /** The lower device's ifindex, looked up in the stacked device's own namespace. */
    @Override
    default int iflink(NetDevice dev) {
      return lower().ifindex();
    }
  }

  /** A macvlan: its own MAC on a lower device, with a mode for how siblings meet. */
  record Macvlan(MacvlanState state) implements Stacked {
    @Override
    public String typeName() {
      return "macvlan";
    }

    @Override
    public NetDevice lower() {
      return state.lower();
    }
  }

  /** An 802.1Q VLAN device: untagged above, tagged with its VLAN id on its lower device. */
  record Vlan(VlanState state) implements Stacked {
    @Override
    public String typeName() {
      return "vlan";
    }

    @Override
    public NetDevice lower() {
      return state.lower();
    }
  }

  /** An ipvlan: shares its lower device's MAC; frames reach it by its IP addresses. */
  record Ipvlan(IpvlanState state) implements Stacked {
    @Override
    public String typeName() {
      return "ipvlan";
    }

    @Override
    public NetDevice lower() {
      return state.lower();
    }
  }

  /**
   * A TUN or TAP device: what the kernel transmits on it goes to the process that has it open, what
   * the process writes arrives as received on it.
   */
  record Tun(TunState state) implements DeviceKind {
    @Override
    public String typeName() {
      return "tun";
    }

    /**
     * tun_attach() turns carrier on, the last tun_detach() off: carrier while a process has the
     * device open, up or down.
     */
    @Override
    public boolean carrier(NetDevice dev) {
      return state.queues() > 0;
    }

    /** tun has a real transmit queue (qlen 500, or 1000 for a TAP): net.core.default_qdisc. */
    @Override
    public String qdiscWhenUp() {
      return "pfifo_fast";
    }
  }
}
