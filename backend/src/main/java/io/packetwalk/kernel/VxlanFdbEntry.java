package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One entry of a VXLAN device's forwarding table: frames to {@code mac} are wrapped and sent to
 * each remote (the all-zeros MAC is the default entry: unknown and broadcast destinations go to all
 * of its remotes, "head-end replication"). Learned entries age out; added ones are permanent.
 */
public final class VxlanFdbEntry {

  /** How the entry came to be, as {@code bridge fdb} prints it. */
  public enum State {
    /** Added by hand ({@code bridge fdb add}, or the device's own remote): never ages. */
    PERMANENT,
    /** Added with {@code static}: never ages, but shown as static. */
    STATIC,
    /** Learned from a received packet's inner source MAC and outer source address. */
    REACHABLE
  }

  private final MacAddress mac;
  private final List<VxlanRemote> remotes = new ArrayList<>();
  private State state;
  private long updatedNs;

  VxlanFdbEntry(MacAddress mac, State state, long updatedNs) {
    this.mac = mac;
    this.state = state;
    this.updatedNs = updatedNs;
  }

  public MacAddress mac() {
    return mac;
  }

  /** The destinations, in the order they were added. */
  public List<VxlanRemote> remotes() {
    return Collections.unmodifiableList(remotes);
  }

  List<VxlanRemote> mutableRemotes() {
    return remotes;
  }

  public State state() {
    return state;
  }

  void setState(State newState) {
    this.state = newState;
  }

  public long updatedNs() {
    return updatedNs;
  }

  void touch(long nowNs) {
    this.updatedNs = nowNs;
  }
}
