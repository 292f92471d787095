package io.packetwalk.kernel;

/**
 * Bridge VLAN filtering as net/bridge/br_vlan.c does it, for a kernel built with
 * CONFIG_BRIDGE_VLAN_FILTERING ({@link Host#bridgeVlanFiltering()}): the bridge's own and its
 * ports' VLAN groups, the default PVID every new port (and the bridge itself) joins, and the local
 * FDB entry a port's MAC gets in each of its VLANs. Without the option the kernel's stubs refuse
 * what would add a VLAN and quietly accept the rest.
 */
public final class BridgeVlanRules {

  /** VLAN_VID_MASK: ids run 1..4094. */
  private static final int VID_MASK = 4095;

  private BridgeVlanRules() {}

  /** br_vlan_valid_id(). */
  public static boolean validId(int vid) {
    return vid > 0 && vid < VID_MASK;
  }

  /** NETDEV_REGISTER of a new bridge: br_vlan_bridge_event() adds the default PVID to itself. */
  static void bridgeRegistered(NetDevice bridge) {
    if (compiledIn(bridge)) {
      BridgeState state = bridge.bridge();
      state.vlans().add(state.defaultPvid(), true, true);
    }
  }

  /** nbp_vlan_init(): a new port joins the default PVID, untagged. */
  static void portAdded(NetDevice port, long now) {
    NetDevice bridge = port.master();
    int pvid = bridge.bridge().defaultPvid();
    if (compiledIn(bridge) && pvid != 0) {
      addToPort(port, pvid, true, true, now);
    }
  }

  /** br_fdb_changeaddr(): a port's new MAC becomes its local entry in each of its VLANs. */
  static void portMacChanged(NetDevice port, long now) {
    BridgeState state = port.master().bridge();
    state.removeIf(e -> e.port() == port && e.type() == FdbEntry.Type.LOCAL);
    state.put(new FdbEntry(port.mac(), 0, port, FdbEntry.Type.LOCAL, now));
    for (int vid : port.portSettings().vlans().vids()) {
      state.put(new FdbEntry(port.mac(), vid, port, FdbEntry.Type.LOCAL, now));
    }
  }

  /** {@code vlan_filtering 0|1}: br_vlan_filter_toggle(); EOPNOTSUPP without the option. */
  public static void setFiltering(NetDevice bridge, boolean on) {
    if (!compiledIn(bridge)) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    bridge.bridge().setVlanFiltering(on);
  }

  /**
   * {@code vlan_default_pvid N}: br_vlan_set_default_pvid(). Only while the bridge does not filter
   * (EPERM otherwise); the bridge and each port that still has the old default PVID as it was given
   * (PVID, untagged) and not yet the new one move to the new one. Ignored without the option.
   */
  public static void setDefaultPvid(NetDevice bridge, int pvid, long now) {
    BridgeState state = bridge.bridge();
    if (!compiledIn(bridge) || pvid == state.defaultPvid()) {
      return;
    }
    if (pvid >= VID_MASK) {
      throw new KernelException(Errno.EINVAL);
    }
    if (state.vlanFiltering()) {
      throw new KernelException(Errno.EPERM);
    }
    int old = state.defaultPvid();
    BridgeVlans own = state.vlans();
    if ((old == 0 || own.isDefaultPvid(old)) && (pvid == 0 || !own.has(pvid))) {
      if (pvid != 0) {
        own.add(pvid, true, true);
      }
      own.delete(old);
    }
    for (NetDevice port : state.ports()) {
      BridgeVlans vlans = port.portSettings().vlans();
      if ((old != 0 && !vlans.isDefaultPvid(old)) || vlans.has(pvid)) {
        continue;
      }
      if (pvid != 0) {
        addToPort(port, pvid, true, true, now);
      }
      deleteFromPort(port, old);
    }
    state.setDefaultPvid(pvid);
  }

  /**
   * {@code bridge vlan add dev DEV vid VID [pvid] [untagged] [self]}: nbp_vlan_add() on a port,
   * br_vlan_add() on the bridge itself ({@code self}). A VLAN already there takes the new flags.
   */
  public static void add(NetDevice dev, int vid, boolean pvid, boolean untagged, long now) {
    checkId(vid);
    NetDevice bridge = dev.isBridge() ? dev : dev.master();
    if (bridge == null || !compiledIn(bridge)) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    if (dev.isBridge()) {
      dev.bridge().vlans().add(vid, pvid, untagged);
    } else {
      addToPort(dev, vid, pvid, untagged, now);
    }
  }

  /**
   * {@code bridge vlan del}: nbp_vlan_delete() drops the port's local entry and its learned ones in
   * that VLAN; br_vlan_delete() on the bridge. Deleting a VLAN that is not there is no error.
   */
  public static void delete(NetDevice dev, int vid) {
    if (!validId(vid)) {
      // br_dellink() passes no extack
      throw new KernelException(Errno.EINVAL);
    }
    NetDevice bridge = dev.isBridge() ? dev : dev.master();
    if (bridge == null) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    if (!compiledIn(bridge)) {
      return;
    }
    if (dev.isBridge()) {
      dev.bridge().vlans().delete(vid);
    } else {
      deleteFromPort(dev, vid);
    }
  }

  private static void checkId(int vid) {
    if (!validId(vid)) {
      throw new KernelException(Errno.EINVAL, "bridge: Vlan id is invalid");
    }
  }

  private static void addToPort(NetDevice port, int vid, boolean pvid, boolean untagged, long now) {
    if (port.portSettings().vlans().add(vid, pvid, untagged)) {
      BridgeState state = port.master().bridge();
      if (state.lookup(port.mac(), vid).filter(e -> e.type() == FdbEntry.Type.LOCAL).isEmpty()) {
        state.put(new FdbEntry(port.mac(), vid, port, FdbEntry.Type.LOCAL, now));
      }
    }
  }

  private static void deleteFromPort(NetDevice port, int vid) {
    if (!port.portSettings().vlans().delete(vid)) {
      return;
    }
    port.master()
        .bridge()
        .removeIf(e ->
            e.port() == port
                && e.vlan() == vid
                && (e.type() == FdbEntry.Type.DYNAMIC
                    || (e.type() == FdbEntry.Type.LOCAL && e.mac().equals(port.mac()))));
  }

  private static boolean compiledIn(NetDevice bridge) {
    return bridge.netns().host().bridgeVlanFiltering();
  }
}
