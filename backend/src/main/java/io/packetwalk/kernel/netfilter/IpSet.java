package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.Ipv4Packet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One ipset: {@code hash:ip}, {@code hash:ip,port}, {@code hash:net} or {@code bitmap:port}. Its
 * members are kept in their canonical text form ({@code 10.0.0.1}, {@code 10.0.0.1,tcp:80}, {@code
 * 10.0.0.0/24}, {@code 80}) in the order they were added.
 */
public final class IpSet {

  /** The set types the simulator models. */
  public enum Type {
    HASH_IP("hash:ip"),
    HASH_IP_PORT("hash:ip,port"),
    HASH_NET("hash:net"),
    BITMAP_PORT("bitmap:port");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    public static java.util.Optional<Type> of(String text) {
      for (Type type : values()) {
        if (type.text.equals(text)) {
          return java.util.Optional.of(type);
        }
      }
      return java.util.Optional.empty();
    }
  }

  private final String name;
  private final Type type;
  private final int firstPort;
  private final int lastPort;
  private final Set<String> members = new LinkedHashSet<>();

  public IpSet(String name, Type type, int firstPort, int lastPort) {
    this.name = name;
    this.type = type;
    this.firstPort = firstPort;
    this.lastPort = lastPort;
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  /** The range of a bitmap:port set. */
  public int firstPort() {
    return firstPort;
  }

  public int lastPort() {
    return lastPort;
  }

  public Set<String> members() {
    return members;
  }

  public boolean add(String member) {
    return members.add(member);
  }

  public boolean remove(String member) {
    return members.remove(member);
  }

  public void flush() {
    members.clear();
  }

  public boolean containsPacket(List<String> directions, Ipv4Packet packet, int sport, int dport) {
    String first = directions.getFirst();
    Ipv4Address address = first.equals("src") ? packet.src() : packet.dst();
    int port =
        directions.size() > 1
            ? (directions.get(1).equals("src") ? sport : dport)
            : (first.equals("src") ? sport : dport);
    return switch (type) {
      case HASH_IP -> members.contains(address.toString());
      case HASH_IP_PORT ->
          port >= 0
              && members.contains(
                  address + "," + Protocols.name(packet.payload().protocolNumber()) + ":" + port);
      case HASH_NET -> members.stream().anyMatch(m -> Ipv4Prefix.parse(m).contains(address));
      case BITMAP_PORT -> {
        int p = first.equals("src") ? sport : dport;
        yield p >= 0 && members.contains(Integer.toString(p));
      }
    };
  }
}
