package io.packetwalk.kernel;

import io.packetwalk.kernel.netfilter.ConntrackEntry;
import io.packetwalk.kernel.netfilter.CtInfo;
import io.packetwalk.net.packet.Ipv4Packet;

/**
 * The kernel's socket buffer (sk_buff) for one IPv4 packet inside a namespace's stack: the packet
 * as it is now (NAT rewrites it), the devices it came in on and will leave by, the bridge ports of
 * a bridged packet (what {@code -m physdev} sees), its mark, its conntrack entry with the packet's
 * relation to it, and whether bridge netfilter already ran the IPv4 hooks for it. A new field
 * belongs here when a later stage must know what an earlier one decided.
 */
public final class Skb {

  private Ipv4Packet packet;
  private NetDevice in;
  private NetDevice out;
  private NetDevice physIn;
  private NetDevice physOut;
  private int mark;
  private ConntrackEntry conntrack;
  private CtInfo ctInfo = CtInfo.NONE;
  private boolean bridgeNetfilterDone;
  private boolean nfTrace;

  private Skb(Ipv4Packet packet, NetDevice in) {
    this.packet = packet;
    this.in = in;
  }

  /** A packet received on {@code in}. */
  public static Skb received(Ipv4Packet packet, NetDevice in) {
    return new Skb(packet, in);
  }

  /** A packet this namespace's own stack or programs create. */
  public static Skb local(Ipv4Packet packet) {
    return new Skb(packet, null);
  }

  public Ipv4Packet packet() {
    return packet;
  }

  public void setPacket(Ipv4Packet packet) {
    this.packet = packet;
  }

  /** The device the packet came in on (iif); null for a locally generated packet. */
  public NetDevice in() {
    return in;
  }

  public void setIn(NetDevice in) {
    this.in = in;
  }

  /** The device the packet leaves by (oif), once routing chose it. */
  public NetDevice out() {
    return out;
  }

  public void setOut(NetDevice out) {
    this.out = out;
  }

  /** The bridge port a bridged packet came in on ({@code --physdev-in}), or null. */
  public NetDevice physIn() {
    return physIn;
  }

  /** The bridge port a bridged packet leaves by ({@code --physdev-out}), or null. */
  public NetDevice physOut() {
    return physOut;
  }

  public void setPhysDevices(NetDevice physIn, NetDevice physOut) {
    this.physIn = physIn;
    this.physOut = physOut;
  }

  /** skb->mark, as MARK sets it and {@code -m mark} and policy routing read it. */
  public int mark() {
    return mark;
  }

  public void setMark(int mark) {
    this.mark = mark;
  }

  /** The conntrack entry the packet belongs to, or null (untracked or conntrack inactive). */
  public ConntrackEntry conntrack() {
    return conntrack;
  }

  public CtInfo ctInfo() {
    return ctInfo;
  }

  public void attach(ConntrackEntry entry, CtInfo info) {
    this.conntrack = entry;
    this.ctInfo = info;
  }

  /** Whether br_netfilter already ran PREROUTING for this packet (ip_sabotage_in). */
  public boolean bridgeNetfilterDone() {
    return bridgeNetfilterDone;
  }

  public void markBridgeNetfilterDone() {
    this.bridgeNetfilterDone = true;
  }

  /** skb->nf_trace: set by a TRACE rule; every later chain of this namespace reports the packet. */
  public boolean nfTrace() {
    return nfTrace;
  }

  public void setNfTrace(boolean nfTrace) {
    this.nfTrace = nfTrace;
  }
}
