package io.packetwalk.kernel;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One neighbour (ARP cache) entry: who has {@code address} on {@code device}, how sure we are, and
 * the packets waiting for the answer.
 */
public final class NeighbourEntry {

  private final Ipv4Address address;
  private final NetDevice device;
  private MacAddress lladdr;
  private NudState state;
  private boolean router;
  private int probes;
  private long updatedNs;
  private long confirmedNs;
  private final List<Skb> pending = new ArrayList<>();

  public NeighbourEntry(Ipv4Address address, NetDevice device, NudState state, long nowNs) {
    this.address = address;
    this.device = device;
    this.state = state;
    this.updatedNs = nowNs;
  }

  public Ipv4Address address() {
    return address;
  }

  public NetDevice device() {
    return device;
  }

  public MacAddress lladdr() {
    return lladdr;
  }

  public NudState state() {
    return state;
  }

  public boolean router() {
    return router;
  }

  public int probes() {
    return probes;
  }

  public long updatedNs() {
    return updatedNs;
  }

  public long confirmedNs() {
    return confirmedNs;
  }

  public List<Skb> pending() {
    return Collections.unmodifiableList(pending);
  }

  /** Moves to a new state with the given link-layer address (null keeps the current one). */
  public void update(NudState newState, MacAddress newLladdr, long nowNs) {
    this.state = newState;
    if (newLladdr != null) {
      this.lladdr = newLladdr;
    }
    this.updatedNs = nowNs;
    if (newState == NudState.REACHABLE) {
      this.confirmedNs = nowNs;
    }
    if (newState != NudState.INCOMPLETE && newState != NudState.PROBE) {
      this.probes = 0;
    }
  }

  public void setRouter(boolean router) {
    this.router = router;
  }

  public void countProbe() {
    probes++;
  }

  public void enqueue(Skb skb) {
    pending.add(skb);
  }

  /** Takes and clears the packets that were waiting for resolution. */
  public List<Skb> drainPending() {
    List<Skb> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }
}
