package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A VXLAN device's configuration and forwarding table. The table is kept newest first, the order
 * {@code bridge fdb show} lists it in (the kernel's fdb_list); a MAC has at most one entry, whose
 * remotes keep the order they were added in.
 */
public final class VxlanState {

  private VxlanConfig config;
  private final NetNamespace underlay;

  /** By MAC, oldest first (a changed entry keeps its place); listed newest first. */
  private final LinkedHashMap<MacAddress, VxlanFdbEntry> entries = new LinkedHashMap<>();

  VxlanState(VxlanConfig config, NetNamespace underlay) {
    this.config = config;
    this.underlay = underlay;
  }

  /**
   * The namespace the device was made in: its UDP socket lives there, and wrapped packets are
   * routed and received there, wherever the device itself moves.
   */
  public NetNamespace underlay() {
    return underlay;
  }

  public VxlanConfig config() {
    return config;
  }

  void setConfig(VxlanConfig newConfig) {
    this.config = newConfig;
  }

  /** The entries, newest first, without the learned ones that aged out by {@code nowNs}. */
  public List<VxlanFdbEntry> fdb(long nowNs) {
    entries.values().removeIf(e -> expired(e, nowNs));
    return List.copyOf(entries.sequencedValues().reversed());
  }

  /** The entry for {@code mac} (the all-zeros MAC: the default entry), if any. */
  public Optional<VxlanFdbEntry> lookup(MacAddress mac, long nowNs) {
    VxlanFdbEntry entry = entries.get(mac);
    if (entry != null && expired(entry, nowNs)) {
      entries.remove(mac);
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  /** How {@code bridge fdb} asked to change the table (the netlink message's flags). */
  public enum Update {
    /** {@code add}: create; EEXIST if the MAC has an entry. */
    ADD,
    /** {@code append}: create, or add a remote to the all-zeros or a multicast entry. */
    APPEND,
    /** {@code replace}: create, or replace a unicast entry's first remote. */
    REPLACE
  }

  /** vxlan_fdb_update(): applies a {@code bridge fdb add|append|replace … dev VXLAN}. */
  public void update(
      MacAddress mac, VxlanRemote remote, VxlanFdbEntry.State state, Update how, long nowNs) {
    Optional<VxlanFdbEntry> found = lookup(mac, nowNs);
    if (found.isEmpty()) {
      VxlanFdbEntry created = new VxlanFdbEntry(mac, state, nowNs);
      created.mutableRemotes().add(remote);
      entries.put(mac, created);
      return;
    }
    if (how == Update.ADD) {
      throw new KernelException(Errno.EEXIST);
    }
    VxlanFdbEntry entry = found.get();
    entry.setState(state);
    entry.touch(nowNs);
    boolean groupEntry = mac.isZero() || mac.isMulticast();
    if (how == Update.REPLACE) {
      if (groupEntry) {
        throw new KernelException(Errno.EOPNOTSUPP, "Cannot replace non-unicast fdb entries");
      }
      if (!entry.remotes().contains(remote)) {
        entry.mutableRemotes().set(0, remote);
      }
    } else if (groupEntry && !entry.remotes().contains(remote)) {
      entry.mutableRemotes().add(remote);
    }
  }

  /**
   * vxlan_fdb_delete(): removes the entry for {@code mac}, or only its {@code address} remote when
   * one is named (the entry goes with its last remote). ENOENT when the MAC has no entry; naming a
   * remote the entry does not have changes nothing and is no error.
   */
  public void delete(MacAddress mac, Ipv4Address address, long nowNs) {
    VxlanFdbEntry entry = lookup(mac, nowNs).orElseThrow(() -> new KernelException(Errno.ENOENT));
    if (address == null) {
      entries.remove(mac);
      return;
    }
    Optional<VxlanRemote> named =
        entry.remotes().stream().filter(r -> r.address().equals(address)).findFirst();
    if (named.isEmpty()) {
      return;
    }
    entry.mutableRemotes().remove(named.get());
    if (entry.remotes().isEmpty()) {
      entries.remove(mac);
    }
  }

  /** What vxlan_snoop() decided about a received packet's inner source. */
  public enum Snoop {
    /** Learning is off, or the entry already pointed at the sender: nothing changed. */
    KNOWN,
    /** A new entry was learned, or a learned one moved to the new sender. */
    LEARNED,
    /** A permanent entry names another VTEP for this MAC: the kernel drops the packet. */
    STATIC_MISMATCH
  }

  /**
   * vxlan_snoop(): learns that {@code mac} lives behind {@code sender}. A learned entry follows a
   * move; a permanent one does not, and the packet that claimed otherwise is dropped.
   */
  public Snoop snoop(MacAddress mac, Ipv4Address sender, long nowNs) {
    if (!config.learning()) {
      return Snoop.KNOWN;
    }
    Optional<VxlanFdbEntry> found = lookup(mac, nowNs);
    if (found.isPresent()) {
      VxlanFdbEntry entry = found.get();
      VxlanRemote first = entry.remotes().getFirst();
      if (first.address().equals(sender) && first.via() == null) {
        if (entry.state() == VxlanFdbEntry.State.REACHABLE) {
          entry.touch(nowNs);
        }
        return Snoop.KNOWN;
      }
      if (entry.state() != VxlanFdbEntry.State.REACHABLE) {
        return Snoop.STATIC_MISMATCH;
      }
      entry.mutableRemotes().set(0, VxlanRemote.to(sender, null));
      entry.touch(nowNs);
      return Snoop.LEARNED;
    }
    VxlanFdbEntry learned = new VxlanFdbEntry(mac, VxlanFdbEntry.State.REACHABLE, nowNs);
    learned.mutableRemotes().add(VxlanRemote.to(sender, null));
    entries.put(mac, learned);
    return Snoop.LEARNED;
  }

  /** Drops the remotes sent through {@code dev} (it went away); entries left empty go too. */
  void forgetVia(NetDevice dev) {
    for (VxlanFdbEntry entry : List.copyOf(entries.values())) {
      entry.mutableRemotes().removeIf(r -> r.via() == dev);
      if (entry.remotes().isEmpty()) {
        entries.remove(entry.mac());
      }
    }
  }

  /** A learned entry not refreshed for the ageing time is gone (vxlan_cleanup). */
  private boolean expired(VxlanFdbEntry entry, long nowNs) {
    return entry.state() == VxlanFdbEntry.State.REACHABLE
        && nowNs - entry.updatedNs() >= config.ageingSeconds() * 1_000_000_000L;
  }
}
