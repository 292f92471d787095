package io.packetwalk.lab;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of device a lab document can hold, with the word the document uses for each. */
public enum LabDeviceKind {
  /** The namespace's {@code lo}: exactly one per namespace, ifindex 1, made with the namespace. */
  LOOPBACK("loopback"),
  /** One end of a veth pair; the other end is named by the device's {@code peer}. */
  VETH("veth"),
  /** A Linux bridge; its ports name it as their {@code master}. */
  BRIDGE("bridge"),
  /** A dummy device: always has carrier, drops what it sends. */
  DUMMY("dummy"),
  /**
   * A host's own NIC, wired to an underlay switch; comes with the host, never made by a command.
   */
  PHYSICAL("physical"),
  /** A VXLAN tunnel endpoint; its settings are the device's {@code vxlan}. */
  VXLAN("vxlan"),
  /**
   * A macvlan: its own MAC on a lower device, named with its mode by the device's {@code stacked}.
   */
  MACVLAN("macvlan"),
  /** An 802.1Q VLAN device on a lower device, with the VLAN id in its {@code stacked}. */
  VLAN("vlan"),
  /** An ipvlan on a lower device, with the lower device's mode and flag in its {@code stacked}. */
  IPVLAN("ipvlan"),
  /** A TUN or TAP device; its settings (mode, owner, flags) are the device's {@code tun}. */
  TUN("tun");

  private final String word;

  LabDeviceKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<LabDeviceKind> fromWord(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
  }

  /** The words, for messages: "loopback, veth, bridge, dummy, physical, vxlan, tun". */
  public static String words() {
    return Arrays.stream(values()).map(LabDeviceKind::word).collect(Collectors.joining(", "));
  }
}
