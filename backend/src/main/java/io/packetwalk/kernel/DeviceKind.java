package io.packetwalk.kernel;

/**
 * What a device is. The small contract every kind answers; everything else a kind knows lives in
 * its own record. New kinds are added to this sealed family, nowhere else.
 */
public sealed interface DeviceKind
    permits DeviceKind.Loopback,
        DeviceKind.Veth,
        DeviceKind.Bridge,
        DeviceKind.Dummy,
        DeviceKind.Physical,
        DeviceKind.Stacked {

  /** The name iproute2 prints for {@code ip -d link} and {@code type NAME}: veth, bridge, … */
  String typeName();

  /** The loopback device {@code lo}: every namespace has exactly one, created with it. */
  record Loopback() implements DeviceKind {
    @Override
    public String typeName() {
      return "loopback";
    }
  }

  /** One end of a veth pair; the pair object links both ends across namespaces. */
  record Veth(VethPair pair) implements DeviceKind {
    @Override
    public String typeName() {
      return "veth";
    }
  }

  /** A Linux bridge; its ports and forwarding database live in {@link BridgeState}. */
  record Bridge(BridgeState state) implements DeviceKind {
    @Override
    public String typeName() {
      return "bridge";
    }
  }

  /** A dummy device: always has carrier, drops everything it transmits. */
  record Dummy() implements DeviceKind {
    @Override
    public String typeName() {
      return "dummy";
    }
  }

  /** A physical NIC wired to an underlay switch (or to nothing: no carrier). */
  record Physical(UnderlayCable cable) implements DeviceKind {
    @Override
    public String typeName() {
      return "physical";
    }
  }

  /**
   * A device stacked on a lower device (macvlan, ipvlan, vlan): it sends through the lower device
   * and receives what the lower device's receive handler hands it.
   */
  sealed interface Stacked extends DeviceKind permits Macvlan, Vlan {

    /** The device below: the one printed after "@" and the one frames really leave by. */
    NetDevice lower();

    /**
     * netif_stacked_transfer_operstate(): the stacked device has carrier exactly while its lower
     * device is up with carrier, whatever its own admin state.
     */
    default boolean carrierFromLower() {
      return lower().isRunning();
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
}
