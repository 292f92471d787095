package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.World;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.trace.Trace;

/**
 * Test access to one namespace's netfilter hooks for the benchmarks: runs the hooks a packet
 * passes, as the pipeline runs them, without routing, neighbours or links around them. Hooks run
 * without a trace unless {@link #trace} asks for one.
 */
public final class HookDriver {

  private final Engine engine;
  private boolean tracing;
  private Trace last;

  public HookDriver(World world) {
    this.engine = new Engine(world);
  }

  /** Whether the following calls record their steps (each call is then one run). */
  public void trace(boolean on) {
    this.tracing = on;
  }

  /** The steps of the last call made while tracing. */
  public Trace lastTrace() {
    return last;
  }

  /**
   * A packet {@code ns} sends through {@code out}: OUTPUT and, if it passes, POSTROUTING. Returns
   * the packet as it leaves (NAT may have rewritten it), or null when a hook dropped it.
   */
  public Ipv4Packet send(NetNamespace ns, NetDevice out, Ipv4Packet packet) {
    Skb skb = Skb.local(packet);
    skb.setOut(out);
    return passes(ns, skb, Hook.OUTPUT, Hook.POSTROUTING);
  }

  /** Only the OUTPUT hook for a packet {@code ns} sends through {@code out}. */
  public Ipv4Packet output(NetNamespace ns, NetDevice out, Ipv4Packet packet) {
    Skb skb = Skb.local(packet);
    skb.setOut(out);
    return passes(ns, skb, Hook.OUTPUT);
  }

  /** Only the PREROUTING hook for a packet {@code ns} receives on {@code in}. */
  public Ipv4Packet prerouting(NetNamespace ns, NetDevice in, Ipv4Packet packet) {
    return passes(ns, Skb.received(packet, in), Hook.PREROUTING);
  }

  /** A packet {@code ns} receives on {@code in} for itself: PREROUTING, then INPUT. */
  public Ipv4Packet receive(NetNamespace ns, NetDevice in, Ipv4Packet packet) {
    return passes(ns, Skb.received(packet, in), Hook.PREROUTING, Hook.INPUT);
  }

  private Ipv4Packet passes(NetNamespace ns, Skb skb, Hook... hooks) {
    if (tracing) {
      engine.beginRun();
    }
    Cause cause = null;
    boolean accepted = true;
    for (Hook hook : hooks) {
      NetfilterHooks.Passage passage = engine.netfilter.run(hook, ns, skb, cause);
      if (!passage.accepted()) {
        accepted = false;
        break;
      }
      cause = passage.cause();
    }
    if (tracing) {
      last = engine.finishRun();
    }
    return accepted ? skb.packet() : null;
  }
}
