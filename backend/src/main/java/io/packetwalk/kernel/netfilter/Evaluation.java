package io.packetwalk.kernel.netfilter;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.Skb;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.packet.Ipv4Packet;
import java.util.random.RandomGenerator;

/**
 * What a rule's matches may look at while one packet walks one hook: the packet and its skb, the
 * hook, the namespace's address types and ipsets, the seeded random generator and virtual time.
 */
public final class Evaluation {

  /** Classifies an address as {@code -m addrtype} does (LOCAL, UNICAST, BROADCAST, …). */
  @FunctionalInterface
  public interface AddressTypes {
    String typeOf(Ipv4Address address, NetDevice limitTo);
  }

  private final Skb skb;
  private final Hook hook;
  private final AddressTypes addressTypes;
  private final IpSets sets;
  private final RandomGenerator random;
  private final long nowNs;

  public Evaluation(
      Skb skb,
      Hook hook,
      AddressTypes addressTypes,
      IpSets sets,
      RandomGenerator random,
      long nowNs) {
    this.skb = skb;
    this.hook = hook;
    this.addressTypes = addressTypes;
    this.sets = sets;
    this.random = random;
    this.nowNs = nowNs;
  }

  public Skb skb() {
    return skb;
  }

  public Ipv4Packet packet() {
    return skb.packet();
  }

  public Hook hook() {
    return hook;
  }

  /** The input device's name as {@code -i} sees it (empty when there is none). */
  public String inName() {
    return skb.in() == null || hook == Hook.OUTPUT || hook == Hook.POSTROUTING
        ? ""
        : skb.in().name();
  }

  /** The output device's name as {@code -o} sees it (empty when there is none). */
  public String outName() {
    return skb.out() == null || hook == Hook.PREROUTING || hook == Hook.INPUT
        ? ""
        : skb.out().name();
  }

  public String addressType(Ipv4Address address, NetDevice limitTo) {
    return addressTypes.typeOf(address, limitTo);
  }

  public IpSets sets() {
    return sets;
  }

  public RandomGenerator random() {
    return random;
  }

  public long nowNs() {
    return nowNs;
  }
}
