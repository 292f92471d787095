package io.packetwalk.lab;

import io.packetwalk.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * A VXLAN device's settings, as {@code ip link add NAME type vxlan …} takes them.
 *
 * @param local the source address of wrapped packets, or null (the underlay route's)
 * @param remote the default remote VTEP, or null
 * @param group the multicast group, or null (then {@code dev} is required)
 * @param dev the underlay device in the same namespace, or null
 * @param ttl the outer TTL: 0 for auto, -1 for inherit
 */
public record LabVxlan(
    int vni,
    int dstPort,
    Ipv4Address local,
    Ipv4Address remote,
    Ipv4Address group,
    String dev,
    boolean learning,
    boolean proxy,
    boolean l2miss,
    boolean l3miss,
    int ttl,
    int srcPortLow,
    int srcPortHigh,
    int ageing) {

  public LabVxlan {
    if (vni < 0 || vni > 16_777_215) {
      throw new LabValueException("vni", vni + " is not a VXLAN network identifier (0 … 16777215)");
    }
    checkPort("dstPort", dstPort);
    checkPort("srcPortLow", srcPortLow);
    checkPort("srcPortHigh", srcPortHigh);
    if (dstPort == 0) {
      throw new LabValueException("dstPort", "0 is not a UDP port a VTEP can use");
    }
    if (remote != null && group != null) {
      throw new LabValueException("group", "a VXLAN device has a remote or a group, not both");
    }
    if (remote != null && (remote.isMulticast() || remote.equals(Ipv4Address.ANY))) {
      throw new LabValueException("remote", remote + " is not a unicast address");
    }
    if (group != null && !group.isMulticast()) {
      throw new LabValueException("group", group + " is not a multicast address");
    }
    if (group != null && dev == null) {
      throw new LabValueException("dev", "a VXLAN device with a group needs its underlay dev");
    }
    if (local != null && (local.isMulticast() || local.equals(Ipv4Address.ANY))) {
      throw new LabValueException("local", local + " is not a unicast address");
    }
    if (dev != null) {
      Names.checkDevice("dev", dev);
    }
    if (ttl < -1 || ttl > 255) {
      throw new LabValueException("ttl", ttl + " is not a TTL (0 = auto, -1 = inherit, 1 … 255)");
    }
    if (ageing < 0) {
      throw new LabValueException("ageing", ageing + " is not an ageing time in seconds");
    }
  }

  private static void checkPort(String field, int port) {
    if (port < 0 || port > 65535) {
      throw new LabValueException(field, port + " is not a UDP port (0 … 65535)");
    }
  }

  /** The words after {@code ip link add NAME}: {@code type vxlan id N dstport P …}. */
  public String createArgs() {
    List<String> words = new ArrayList<>(List.of("type", "vxlan", "id", Integer.toString(vni)));
    words.add("dstport");
    words.add(Integer.toString(dstPort));
    if (local != null) {
      words.add("local");
      words.add(local.toString());
    }
    if (remote != null) {
      words.add("remote");
      words.add(remote.toString());
    }
    if (group != null) {
      words.add("group");
      words.add(group.toString());
    }
    if (dev != null) {
      words.add("dev");
      words.add(LabScript.quote(dev));
    }
    if (!learning) {
      words.add("nolearning");
    }
    if (proxy) {
      words.add("proxy");
    }
    if (l2miss) {
      words.add("l2miss");
    }
    if (l3miss) {
      words.add("l3miss");
    }
    if (ttl != 0) {
      words.add("ttl");
      words.add(ttl < 0 ? "inherit" : Integer.toString(ttl));
    }
    if (srcPortLow != 0 || srcPortHigh != 0) {
      words.add("srcport");
      words.add(Integer.toString(srcPortLow));
      words.add(Integer.toString(srcPortHigh));
    }
    if (ageing != 300) {
      words.add("ageing");
      words.add(Integer.toString(ageing));
    }
    return String.join(" ", words);
  }
}
