package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A bridge's own state: its ports in enslavement order, the forwarding database, and the
 * bridge-wide settings ({@code ip -d link show} prints them).
 */
public final class BridgeState {

  /** Ageing time default, in centiseconds as iproute2 prints it (300 s). */
  public static final int DEFAULT_AGEING_TIME_CS = 30000;

  /** The VLAN a new port (and, at creation, the bridge itself) joins untagged as its PVID. */
  public static final int DEFAULT_PVID = 1;

  private final List<NetDevice> ports = new ArrayList<>();
  private final List<FdbEntry> fdb = new ArrayList<>();
  private final BitSet portNumbers = new BitSet();
  private int ageingTimeCs = DEFAULT_AGEING_TIME_CS;
  private boolean stp;
  private boolean macSetByUser;
  private boolean mtuSetByUser;
  private boolean nfCallIptables;
  private boolean portsDecideCarrier;
  private boolean vlanFiltering;
  private int defaultPvid = DEFAULT_PVID;
  private final BridgeVlans vlans = new BridgeVlans();

  public List<NetDevice> ports() {
    return Collections.unmodifiableList(ports);
  }

  /**
   * Adds a port and returns the number it gets: find_portno()'s lowest number no other port of the
   * bridge has.
   */
  int addPort(NetDevice port) {
    ports.add(port);
    portsDecideCarrier = true;
    int number = portNumbers.nextClearBit(1);
    portNumbers.set(number);
    return number;
  }

  /**
   * Whether the ports decide the bridge's carrier. A new bridge keeps the carrier every new device
   * starts with until the kernel first runs br_port_state_selection(): when a port arrives, the
   * bridge's address is set, or STP is switched. From then on it has carrier only while a port is
   * up with carrier, also after the last port has left.
   */
  public boolean portsDecideCarrier() {
    return portsDecideCarrier;
  }

  void removePort(NetDevice port) {
    ports.remove(port);
    portNumbers.clear(port.portNumber());
    fdb.removeIf(entry -> entry.port() == port);
  }

  public List<FdbEntry> fdb() {
    return Collections.unmodifiableList(fdb);
  }

  /** The entry outside any VLAN (vid 0) for {@code mac}. */
  public Optional<FdbEntry> lookup(MacAddress mac) {
    return lookup(mac, 0);
  }

  /** br_fdb_find(): the entry for {@code mac} in VLAN {@code vid}. */
  public Optional<FdbEntry> lookup(MacAddress mac, int vid) {
    for (FdbEntry entry : fdb) {
      if (entry.is(mac, vid)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** Inserts or replaces the entry for the entry's MAC and VLAN (one entry per pair). */
  public void put(FdbEntry entry) {
    for (int i = 0; i < fdb.size(); i++) {
      if (fdb.get(i).is(entry.mac(), entry.vlan())) {
        fdb.set(i, entry);
        return;
      }
    }
    fdb.add(entry);
  }

  /** Removes the entry for {@code mac} outside any VLAN. */
  public boolean remove(MacAddress mac) {
    return remove(mac, 0);
  }

  public boolean remove(MacAddress mac, int vid) {
    return fdb.removeIf(entry -> entry.is(mac, vid));
  }

  /** Removes every entry {@code which} selects. */
  void removeIf(java.util.function.Predicate<FdbEntry> which) {
    fdb.removeIf(which);
  }

  /** Whether the bridge filters by VLAN ({@code vlan_filtering 1}). */
  public boolean vlanFiltering() {
    return vlanFiltering;
  }

  void setVlanFiltering(boolean vlanFiltering) {
    this.vlanFiltering = vlanFiltering;
  }

  /** {@code vlan_default_pvid}: what a new port joins; 0 means nothing. */
  public int defaultPvid() {
    return defaultPvid;
  }

  void setDefaultPvid(int defaultPvid) {
    this.defaultPvid = defaultPvid;
  }

  /** The bridge device's own VLANs ("self"), those it carries up to and down from its stack. */
  public BridgeVlans vlans() {
    return vlans;
  }

  /** Drops dynamic entries last updated before {@code nowNs - ageing time}. */
  public void age(long nowNs) {
    long maxAgeNs = ageingTimeCs * 10_000_000L;
    fdb.removeIf(e -> e.type() == FdbEntry.Type.DYNAMIC && nowNs - e.updatedNs() > maxAgeNs);
  }

  public int ageingTimeCs() {
    return ageingTimeCs;
  }

  public void setAgeingTimeCs(int ageingTimeCs) {
    this.ageingTimeCs = ageingTimeCs;
  }

  public boolean stp() {
    return stp;
  }

  void setStp(boolean stp) {
    if (stp != this.stp) {
      portsDecideCarrier = true;
    }
    this.stp = stp;
  }

  public boolean macSetByUser() {
    return macSetByUser;
  }

  void markMacSetByUser() {
    this.macSetByUser = true;
    portsDecideCarrier = true;
  }

  public boolean mtuSetByUser() {
    return mtuSetByUser;
  }

  void markMtuSetByUser() {
    this.mtuSetByUser = true;
  }

  public boolean nfCallIptables() {
    return nfCallIptables;
  }

  public void setNfCallIptables(boolean nfCallIptables) {
    this.nfCallIptables = nfCallIptables;
  }
}
