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

  private final List<NetDevice> ports = new ArrayList<>();
  private final List<FdbEntry> fdb = new ArrayList<>();
  private final BitSet portNumbers = new BitSet();
  private int ageingTimeCs = DEFAULT_AGEING_TIME_CS;
  private boolean stp;
  private boolean macSetByUser;
  private boolean mtuSetByUser;
  private boolean nfCallIptables;
  private boolean portsDecideCarrier;

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

  public Optional<FdbEntry> lookup(MacAddress mac) {
    for (FdbEntry entry : fdb) {
      if (entry.mac().equals(mac)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** Inserts or replaces the entry for the entry's MAC (one entry per MAC, as without VLANs). */
  public void put(FdbEntry entry) {
    for (int i = 0; i < fdb.size(); i++) {
      if (fdb.get(i).mac().equals(entry.mac())) {
        fdb.set(i, entry);
        return;
      }
    }
    fdb.add(entry);
  }

  public boolean remove(MacAddress mac) {
    return fdb.removeIf(entry -> entry.mac().equals(mac));
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
